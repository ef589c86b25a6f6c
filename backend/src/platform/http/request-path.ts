import path from 'node:path';

/** How many layers of percent-encoding are peeled off (`%252e` is `%2e` is `.`). */
const DECODE_LAYERS = 3;

/**
 * Whether a request path is one a client may send: canonical (no `.` or `..` segment, no `//`),
 * without backslashes or NUL characters, in its raw form and in every percent-decoded form.
 * No route and no file of this app has such a path, and a traversal attempt should never reach a
 * file server (@fastify/static under /api/docs refuses them with errors of its own). A path that
 * does not decode is left to the router, which answers it 400.
 */
export function isCanonicalRequestPath(url: string): boolean {
  const end = url.indexOf('?');
  let pathname = end === -1 ? url : url.slice(0, end);
  if (!pathname.startsWith('/')) return true;
  for (let layer = 0; layer <= DECODE_LAYERS; layer++) {
    if (pathname.includes('\\') || pathname.includes('\u0000') || path.posix.normalize(pathname) !== pathname)
      return false;
    let decoded: string;
    try {
      decoded = decodeURIComponent(pathname);
    } catch {
      return true;
    }
    if (decoded === pathname) return true;
    pathname = decoded;
  }
  return true;
}
