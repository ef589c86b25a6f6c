import {
  type Client,
  createApiToken,
  createClient,
  DEFAULT_BASE_URL,
  demoLogin,
  login,
  logout,
  type UserDto,
} from '#sdk';
import { hostname } from 'node:os';
import { UsageError } from './cli.mjs';
import { readConfig } from './config.mjs';

/** The server: `BW_URL`, else the stored one, else the SDK's default. */
export function serverUrl(env: NodeJS.ProcessEnv, explicit?: string): string {
  return (explicit || env['BW_URL'] || readConfig(env).url || DEFAULT_BASE_URL).replace(/\/+$/, '');
}

/** The API token: `BW_TOKEN`, else the stored one. Without either, bad usage. */
export function apiToken(env: NodeJS.ProcessEnv): string {
  const token = env['BW_TOKEN'] || readConfig(env).token;
  if (!token) throw new UsageError('Not logged in: run `bw login`, or set BW_TOKEN.', 'login');
  return token;
}

/** A client with the {@link apiToken}. */
export function tokenClient(env: NodeJS.ProcessEnv): Client {
  return createClient({ baseUrl: serverUrl(env), token: apiToken(env), throwOnError: true });
}

/** {@link tokenClient} on first use, so a command checks its options before the login. */
export function lazyTokenClient(env: NodeJS.ProcessEnv): () => Client {
  let client: Client | undefined;
  return () => (client ??= tokenClient(env));
}

/**
 * A logged-in browser session without a browser: keeps the cookies the server sets and sends
 * `X-XSRF-TOKEN` (the `XSRF-TOKEN` cookie) on writes, which API tokens are created with.
 */
export class BrowserSession {
  private readonly cookies = new Map<string, string>();
  readonly client: Client;

  constructor(readonly url: string) {
    this.client = createClient({
      baseUrl: url,
      throwOnError: true,
      fetch: (input, init) => this.fetch(new Request(input, init)),
    });
  }

  private async fetch(request: Request): Promise<Response> {
    const headers = new Headers(request.headers);
    if (this.cookies.size > 0)
      headers.set('cookie', [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; '));
    const xsrf = this.cookies.get('XSRF-TOKEN');
    if (xsrf && !['GET', 'HEAD'].includes(request.method)) headers.set('x-xsrf-token', decodeURIComponent(xsrf));
    const response = await fetch(new Request(request, { headers }));
    for (const line of response.headers.getSetCookie()) {
      const [pair = '', ...attributes] = line.split(';');
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      if (value === '' || attributes.some((a) => /^\s*(max-age=0|expires=thu, 01 jan 1970)/i.test(a)))
        this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    return response;
  }

  async logIn(credentials: { email: string; password: string } | 'demo'): Promise<UserDto> {
    const { data } =
      credentials === 'demo'
        ? await demoLogin({ client: this.client, throwOnError: true })
        : await login({ client: this.client, body: credentials, throwOnError: true });
    return data.user;
  }

  /** Creates an API token (a session may; a token may not) and ends the session, whatever happens. */
  async createTokenAndLogOut(name?: string) {
    try {
      const { data } = await createApiToken({
        client: this.client,
        body: { name: name || `bw on ${hostname()}` },
        throwOnError: true,
      });
      return data;
    } finally {
      await logout({ client: this.client, throwOnError: false }).catch(() => undefined);
    }
  }
}
