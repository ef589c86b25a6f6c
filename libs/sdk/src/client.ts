import { client as defaultClient } from './generated/client.gen.js';
import { type Client, type Config, createClient as createBareClient } from './generated/client/index.js';
import { ApiError, toProblem } from './problem.js';

/** The server a client talks to when `baseUrl` is not given. */
export const DEFAULT_BASE_URL = 'http://localhost:3000';

/** An API token, or a function that returns one (called before every request). */
export type TokenSource = string | (() => string | undefined | Promise<string | undefined>);

export interface CreateClientOptions extends Omit<Config, 'auth' | 'baseUrl'> {
  /** The server's origin, e.g. `https://helpdesk.example.com`. Default: `BW_URL` in Node, else `http://localhost:3000`. */
  baseUrl?: string;
  /** Sent as `Authorization: Bearer <token>`, and never in a cookie. */
  token?: TokenSource;
}

/** `BW_URL` when running in Node with it set, otherwise {@link DEFAULT_BASE_URL}. */
export function defaultBaseUrl(): string {
  const env = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env;
  return env?.['BW_URL'] || DEFAULT_BASE_URL;
}

/**
 * A client for the operations (`listTickets({ client, ... })`). Every operation declares both the
 * session cookie and the bearer scheme; the token answers only for the bearer one, so it is never
 * sent as `Cookie: bw.sid=<token>`. With `throwOnError: true`, an error status throws {@link ApiError}.
 */
export function createClient(options: CreateClientOptions = {}): Client {
  const { baseUrl, token, ...config } = options;
  const client = createBareClient({ ...config, baseUrl: (baseUrl ?? defaultBaseUrl()).replace(/\/+$/, '') });
  if (token !== undefined) {
    client.setConfig({
      auth: (scheme) => (scheme.scheme === 'bearer' ? (typeof token === 'function' ? token() : token) : undefined),
    });
  }
  return withApiErrors(client);
}

/** Makes `throwOnError` calls on `client` throw {@link ApiError}; other calls still return `{ error }` as parsed. */
export function withApiErrors(client: Client): Client {
  client.interceptors.error.use((error, response, _request, options) => {
    if (!options.throwOnError || !response) return error;
    return new ApiError(toProblem(error, response), response);
  });
  return client;
}

/** The shared default client of the generated operations (the Angular app configures it), with {@link ApiError}s. */
export const client: Client = withApiErrors(defaultClient);
