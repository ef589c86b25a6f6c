import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { brotliCompress, constants as zlib, gzipSync } from 'node:zlib';
import type { Logger } from 'pino';
import { problem } from '../errors/problem';
import { sendProblem } from '../errors/problem.filter';

interface Asset {
  body: Buffer;
  gzip?: Buffer;
  br?: Buffer;
  type: string;
  etag: string;
  cacheControl: string;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
};
const COMPRESSIBLE = /^(text\/|application\/(json|manifest\+json)|image\/svg\+xml)/;
/**
 * Angular's output file names carry a content hash: those never change. esbuild names them
 * `main-ABCD1234.js`; the chunk optimizer (rolldown) `chunk-lL7q_z-5.js` (base64url).
 */
const HASHED = /-[A-Za-z0-9_-]{8}\.(js|css)$/;

/** Every file of the built app, read once: the folder is build output and does not change while the server runs. */
function loadAssets(dir: string): Map<string, Asset> {
  const assets = new Map<string, Asset>();
  const walk = (folder: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const file = path.join(folder, entry.name);
      if (entry.isDirectory()) {
        walk(file);
        continue;
      }
      const body = readFileSync(file);
      const type = TYPES[path.extname(entry.name).toLowerCase()] ?? 'application/octet-stream';
      const urlPath = `/${path.relative(dir, file).split(path.sep).join('/')}`;
      const compressible = COMPRESSIBLE.test(type) && body.length > 1024;
      assets.set(urlPath, {
        body,
        gzip: compressible ? gzipSync(body, { level: 9 }) : undefined,
        type,
        etag: `"${createHash('sha1').update(body).digest('base64url')}"`,
        cacheControl: HASHED.test(urlPath) ? 'public, max-age=31536000, immutable' : 'no-cache',
      });
    }
  };
  walk(dir);
  return assets;
}

/**
 * Serves the built Angular app at `/` from memory, gzip- and brotli-compressed once at boot
 * (brotli in the background, on the thread pool), with ETags and revalidation. A GET outside
 * /api that names no file and has no file extension is a deep link into the app: index.html.
 * An unknown GET under /api is the API's 404 problem.
 */
export function registerFrontend(fastify: FastifyInstance, dir: string, log: Logger): void {
  const assets = loadAssets(dir);
  const index = assets.get('/index.html');
  if (!index) return;
  for (const asset of assets.values()) {
    if (!asset.gzip) continue;
    brotliCompress(
      asset.body,
      { params: { [zlib.BROTLI_PARAM_QUALITY]: 11, [zlib.BROTLI_PARAM_SIZE_HINT]: asset.body.length } },
      (error, compressed) => {
        if (error) log.warn({ err: error }, 'could not brotli-compress a file of the app');
        else asset.br = compressed;
      },
    );
  }

  fastify.route({
    method: 'GET',
    url: '/*',
    handler: (req: FastifyRequest, reply: FastifyReply) => {
      const pathname = req.url.split('?', 1)[0];
      if (pathname === '/api' || pathname.startsWith('/api/')) {
        sendProblem(reply, problem(404, 'NOT_FOUND', `Cannot GET ${pathname}`));
        return reply;
      }
      let asset = assets.get(safeDecode(pathname));
      if (!asset) {
        if (path.posix.extname(pathname) !== '') {
          reply.status(404).header('content-type', 'text/plain; charset=utf-8').send('Not found');
          return reply;
        }
        asset = index;
      }
      reply.header('cache-control', asset.cacheControl).header('etag', asset.etag);
      if (asset.gzip) reply.header('vary', 'Accept-Encoding');
      if (req.headers['if-none-match'] === asset.etag) {
        reply.status(304).send();
        return reply;
      }
      const accepted = String(req.headers['accept-encoding'] ?? '');
      reply.header('content-type', asset.type);
      if (asset.br && /\bbr\b/.test(accepted)) reply.header('content-encoding', 'br').send(asset.br);
      else if (asset.gzip && /\bgzip\b/.test(accepted)) reply.header('content-encoding', 'gzip').send(asset.gzip);
      else reply.send(asset.body);
      return reply;
    },
  });
}

function safeDecode(pathname: string): string {
  try {
    return decodeURIComponent(pathname);
  } catch {
    return pathname;
  }
}
