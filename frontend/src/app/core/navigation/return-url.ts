/** Where to go after logging in when no (usable) return URL was given. */
export const DEFAULT_AFTER_LOGIN_URL = '/tickets';

/**
 * Accepts only in-app paths for `?returnUrl=`, so a crafted link cannot send a user who
 * just logged in to another site (`//evil.example`, `https://…`, `/\evil.example`, `javascript:`).
 * Auth pages themselves are not useful destinations either.
 */
export function safeReturnUrl(
  candidate: string | null | undefined,
  fallback: string = DEFAULT_AFTER_LOGIN_URL,
): string {
  if (typeof candidate !== 'string') {
    return fallback;
  }
  const url = candidate.trim();
  if (!url.startsWith('/') || url.startsWith('//') || url.startsWith('/\\')) {
    return fallback;
  }
  if ([...url].some((char) => char.charCodeAt(0) < 0x20 || char.charCodeAt(0) === 0x7f)) {
    return fallback;
  }
  const path = url.split(/[?#]/, 1)[0];
  if (path === '/login' || path === '/signup') {
    return fallback;
  }
  return url;
}
