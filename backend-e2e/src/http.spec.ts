import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { ApiSession, newUser } from './support/api-session';
import { eventually } from './support/isolated-database';
import { startTestServer, TestServer } from './support/server';

// The HTTP layer itself (platform/http): body media types, router errors, request ids, the built app.
const INDEX =
  '<!doctype html><html><head><title>Balanced Workspace</title></head><body><app-root></app-root></body></html>';
const MAIN = `console.log(${JSON.stringify('x'.repeat(4000))});`;

let dir: string;
let server: TestServer;
beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'bw-static-'));
  mkdirSync(path.join(dir, 'media'));
  writeFileSync(path.join(dir, 'index.html'), INDEX);
  writeFileSync(path.join(dir, 'main-ABCD1234.js'), MAIN);
  writeFileSync(path.join(dir, 'chunk-lL7q_z-5.js'), 'export const page = 1;');
  writeFileSync(path.join(dir, 'media', 'logo.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  server = await startTestServer({ STATIC_DIR: dir });
});
afterAll(async () => {
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

const session = () => new ApiSession(server.baseUrl);
/** The bytes as sent (fetch would decompress them). */
function rawGet(
  url: string,
  headers: Record<string, string>,
): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
        );
      })
      .on('error', reject);
  });
}
const signupRaw = (headers: Record<string, string>, body: string) =>
  session().raw('/api/auth/signup', { method: 'POST', headers, body });

describe('request bodies', () => {
  it('answers 415 naming the body for a body that is not JSON, and for JSON in another charset', async () => {
    const json = JSON.stringify(newUser('media'));
    for (const headers of [
      { 'content-type': 'text/plain' },
      { 'content-type': 'application/x-www-form-urlencoded' },
      { 'content-type': 'application/json; charset=utf-16' },
    ]) {
      const res = await signupRaw(headers, json);
      expect(res.status).toBe(415);
      expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      expect(await res.json()).toMatchObject({
        status: 415,
        code: 'UNSUPPORTED_MEDIA_TYPE',
        errors: [{ field: 'body' }],
      });
    }
    expect((await signupRaw({ 'content-type': 'application/json; charset=UTF-8' }, json)).status).toBe(201);
  });

  it('answers 400 for JSON that is not an object or array, and for prototype keys', async () => {
    for (const [body, field] of [
      ['"text"', 'body'],
      ['42', 'body'],
      ['null', 'body'],
      ['{"__proto__":{"admin":true}}', '__proto__'],
    ]) {
      const res = await signupRaw({ 'content-type': 'application/json' }, body);
      expect(res.status).toBe(400);
      expect(await res.json()).toMatchObject({ status: 400, errors: [{ field }] });
    }
  });

  it('takes an empty body with a JSON content type as no body', async () => {
    const res = await signupRaw({ 'content-type': 'application/json' }, '');
    expect(res.status).toBe(400);
    expect((await res.json()).errors.map((e: { field: string }) => e.field)).toEqual(
      expect.arrayContaining(['email', 'username', 'password']),
    );
  });
});

describe('routing', () => {
  it('answers a path id far too long to be an id with the 404 problem of any unknown id', async () => {
    const s = session();
    await s.raw('/api/auth/signup', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(newUser('long')),
    });
    const res = await s.raw(`/api/tickets/${'a'.repeat(5000)}`);
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  });

  it('keeps a sane X-Request-Id and replaces anything else', async () => {
    const kept = await session().raw('/api/health', { headers: { 'x-request-id': 'trace-123.abc_DEF' } });
    expect(kept.headers.get('x-request-id')).toBe('trace-123.abc_DEF');
    const replaced = await session().raw('/api/health', { headers: { 'x-request-id': 'bad id\twith spaces' } });
    expect(replaced.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('marks every API answer no-store', async () => {
    const res = await session().raw('/api/auth/me');
    expect(res.status).toBe(401);
    expect(res.headers.get('cache-control')).toBe('no-store');
  });
});

describe('the built app', () => {
  it('serves files with their type, caching by content hash, and the security headers', async () => {
    const js = await session().raw('/main-ABCD1234.js');
    expect(js.status).toBe(200);
    expect(js.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(js.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(js.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(await js.text()).toBe(MAIN);
    // The chunk optimizer's names (base64url hashes) are content-hashed too.
    const chunk = await session().raw('/chunk-lL7q_z-5.js');
    expect(chunk.status).toBe(200);
    expect(chunk.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    const svg = await session().raw('/media/logo.svg');
    expect(svg.headers.get('content-type')).toBe('image/svg+xml');
    expect(svg.headers.get('cache-control')).toBe('no-cache');
  });

  it('sends gzip or brotli to clients that take it, and 304 for a known ETag', async () => {
    const plain = await rawGet(`${server.baseUrl}/main-ABCD1234.js`, {});
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.toString()).toBe(MAIN);
    const gz = await rawGet(`${server.baseUrl}/main-ABCD1234.js`, { 'accept-encoding': 'gzip' });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gz.headers['vary']).toMatch(/Accept-Encoding/i);
    expect(gz.body.length).toBeLessThan(MAIN.length / 4);
    expect(gunzipSync(gz.body).toString()).toBe(MAIN);
    // Brotli is compressed in the background at boot; it is used once ready.
    await eventually(
      'brotli to be ready',
      async () => {
        const br = await rawGet(`${server.baseUrl}/main-ABCD1234.js`, { 'accept-encoding': 'br, gzip' });
        return br.headers['content-encoding'] === 'br' && brotliDecompressSync(br.body).toString() === MAIN;
      },
      10_000,
      50,
    );
    const etag = gz.headers['etag'];
    expect(etag).toBeTruthy();
    const again = await session().raw('/main-ABCD1234.js', { headers: { 'if-none-match': String(etag) } });
    expect(again.status).toBe(304);
  });

  it('answers a deep link with index.html (revalidated), a missing file with 404, and an unknown API path with the 404 problem', async () => {
    const deep = await session().raw('/tickets/123?tab=incoming');
    expect(deep.status).toBe(200);
    expect(deep.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(deep.headers.get('cache-control')).toBe('no-cache');
    expect(await deep.text()).toBe(INDEX);
    expect((await session().raw('/missing-ABCD1234.js')).status).toBe(404);
    const api = await session().raw('/api/nothing-here');
    expect(api.status).toBe(404);
    expect(api.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  });

  it('sets the XSRF-TOKEN cookie on the app page too', async () => {
    const s = session();
    await s.raw('/');
    expect(s.cookies.get('XSRF-TOKEN')).toMatch(/^[A-Za-z0-9_-]{32,}$/);
  });
});
