/**
 * Double-submit CSRF protection, the Angular HttpClient convention the API follows:
 * the server sets a script-readable `XSRF-TOKEN` cookie, and every state-changing
 * request echoes it in the `X-XSRF-TOKEN` header.
 *
 * Framework-free so it can be unit tested and used as a hey-api request interceptor.
 */
export const XSRF_COOKIE_NAME = 'XSRF-TOKEN';
export const XSRF_HEADER_NAME = 'X-XSRF-TOKEN';

const STATE_CHANGING_METHODS: ReadonlySet<string> = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** Reads one cookie out of a `document.cookie`-style string; `null` when it is absent or empty. */
export function readCookie(cookieString: string, name: string): string | null {
  for (const pair of cookieString.split(';')) {
    const separator = pair.indexOf('=');
    if (separator < 0) {
      continue;
    }
    if (pair.slice(0, separator).trim() !== name) {
      continue;
    }
    const raw = pair.slice(separator + 1).trim();
    if (raw === '') {
      return null;
    }
    try {
      return decodeURIComponent(raw);
    } catch {
      return raw;
    }
  }
  return null;
}

/**
 * Adds `X-XSRF-TOKEN` to a same-origin POST/PUT/PATCH/DELETE request when the cookie is present.
 * Requests that already carry the header, safe methods and cross-origin URLs are left alone
 * (the token must never leak to another origin).
 */
export function withXsrfHeader(request: Request, cookieString: string, appOrigin: string): Request {
  if (!STATE_CHANGING_METHODS.has(request.method.toUpperCase())) {
    return request;
  }
  if (request.headers.has(XSRF_HEADER_NAME)) {
    return request;
  }
  if (new URL(request.url, appOrigin).origin !== appOrigin) {
    return request;
  }
  const token = readCookie(cookieString, XSRF_COOKIE_NAME);
  if (token !== null) {
    request.headers.set(XSRF_HEADER_NAME, token);
  }
  return request;
}
