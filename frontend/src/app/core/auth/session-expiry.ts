/**
 * Endpoints whose 401 is an answer about credentials, not a sign that the session ended.
 */
const AUTH_ENDPOINTS: ReadonlySet<string> = new Set([
  '/api/auth/me',
  '/api/auth/login',
  '/api/auth/signup',
  '/api/auth/demo',
  '/api/auth/logout',
]);

/** True when a response means "your session is gone" (expired, or logged out elsewhere). */
export function isSessionExpiredResponse(status: number, url: string): boolean {
  if (status !== 401) {
    return false;
  }
  let pathname: string;
  try {
    pathname = new URL(url, 'http://app.invalid').pathname;
  } catch {
    return false;
  }
  return pathname.startsWith('/api/') && !AUTH_ENDPOINTS.has(pathname.replace(/\/+$/, ''));
}
