import { createClient, type Client } from '@bw/sdk';
import { randomUUID } from 'node:crypto';

export interface SessionOptions {
  /** Send X-XSRF-TOKEN from the cookie on writes, as the Angular app does (default true). */
  csrf?: boolean;
  /** Authenticate with an API token instead of cookies. */
  bearer?: string;
}

/**
 * One API caller: an SDK client with its own cookie jar, behaving like a browser tab.
 */
export class ApiSession {
  readonly client: Client;
  readonly cookies = new Map<string, string>();

  constructor(
    readonly baseUrl: string,
    private readonly options: SessionOptions = {},
  ) {
    this.client = createClient({ baseUrl, fetch: (input, init) => this.fetch(input, init) });
  }

  private async fetch(input: RequestInfo | URL, init?: RequestInit): Promise<Response> {
    const request = new Request(input, init);
    const headers = new Headers(request.headers);
    if (this.cookies.size > 0) headers.set('cookie', [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; '));
    const xsrf = this.cookies.get('XSRF-TOKEN');
    if ((this.options.csrf ?? true) && xsrf && !['GET', 'HEAD'].includes(request.method))
      headers.set('x-xsrf-token', decodeURIComponent(xsrf));
    if (this.options.bearer) headers.set('authorization', `Bearer ${this.options.bearer}`);
    const response = await fetch(new Request(request, { headers }));
    for (const line of response.headers.getSetCookie()) {
      const [pair, ...attributes] = line.split(';');
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      const expired = attributes.some((a) => /^\s*expires=Thu, 01 Jan 1970/i.test(a)) || value === '';
      if (expired) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    return response;
  }

  /** Raw request with this session's cookies (for cases the SDK cannot express, like malformed JSON). */
  raw(path: string, init: RequestInit = {}): Promise<Response> {
    return this.fetch(`${this.baseUrl}${path}`, init);
  }
}

let counter = 0;
/** A fresh, valid sign-up body. */
export function newUser(prefix = 'user') {
  const tag = `${Date.now().toString(36)}${(counter++).toString(36)}${randomUUID().slice(0, 4)}`;
  return {
    email: `${prefix}.${tag}@Example.com`,
    username: `${prefix}_${tag}`.slice(0, 30),
    password: `pw-${randomUUID()}`,
  };
}
