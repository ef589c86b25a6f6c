import { createApiToken } from '@bw/sdk';
import http from 'node:http';
import { randomUUID } from 'node:crypto';
import { person, Person } from './support/fixtures';
import { startTestServer, TestServer } from './support/server';

// Issue 13: rate-limit headers and 429, CORS for the listed origins, WWW-Authenticate on a 401.
let server: TestServer;
let limited: TestServer;
let unlimited: TestServer;
let cors: TestServer;
beforeAll(async () => {
  server = await startTestServer();
  limited = await startTestServer({ API_RATE_LIMIT_PER_MINUTE: '5' });
  unlimited = await startTestServer({ API_RATE_LIMIT_PER_MINUTE: '0' });
  cors = await startTestServer({ CORS_ORIGINS: 'https://app.example, http://localhost:4200' });
}, 60_000);
afterAll(async () => {
  for (const s of [cors, unlimited, limited, server]) await s?.close();
});

interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}
/** A request with exactly these headers (fetch would add or refuse some, such as Origin). */
function request(
  base: TestServer,
  method: string,
  path: string,
  headers: Record<string, string> = {},
): Promise<Answer> {
  const { hostname, port } = new URL(base.baseUrl);
  return new Promise((resolve, reject) => {
    http
      .request({ host: hostname, port, path, method, headers, agent: false }, (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (body += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      })
      .on('error', reject)
      .end();
  });
}
async function tokenOf(p: Person): Promise<string> {
  return (await createApiToken({ client: p.s.client, body: { name: 'conventions' } })).data!.token;
}
const accessControl = (answer: Answer) =>
  Object.keys(answer.headers).filter((name) => name.startsWith('access-control-'));
const remaining = (answer: Answer) => Number(/;r=(\d+)/.exec(String(answer.headers['ratelimit']))?.[1]);

describe('rate limits', () => {
  it('puts RateLimit-Policy and RateLimit on every answer to an authenticated request, errors too', async () => {
    const me = await person(server.baseUrl, 'rl');
    const token = await tokenOf(me);
    const found = await request(server, 'GET', '/api/auth/me', { authorization: `Bearer ${token}` });
    const missing = await request(server, 'GET', `/api/tickets/${randomUUID()}`, { authorization: `Bearer ${token}` });
    const invalid = await request(server, 'GET', '/api/tickets?limit=0', { authorization: `Bearer ${token}` });
    for (const answer of [found, missing, invalid]) {
      expect(answer.headers['ratelimit-policy']).toBe('"per-user";q=3000;w=60');
      expect(answer.headers['ratelimit']).toMatch(/^"per-user";r=\d+;t=\d+$/);
    }
    expect([found.status, missing.status, invalid.status]).toEqual([200, 404, 400]);
    expect(remaining(missing)).toBe(remaining(found) - 1);
  });

  it('puts none on anonymous answers', async () => {
    for (const answer of [
      await request(server, 'GET', '/api/health'),
      await request(server, 'GET', '/api/auth/me'),
      await request(server, 'GET', '/api/auth/me', { authorization: 'Bearer unknown' }),
    ]) {
      expect(answer.headers['ratelimit']).toBeUndefined();
      expect(answer.headers['ratelimit-policy']).toBeUndefined();
    }
  });

  it('answers 429 with Retry-After beyond the budget, per user, before the handler runs', async () => {
    const me = await person(limited.baseUrl, 'rl5');
    // The token's creation (a session request) is the first of the 5.
    const auth = { authorization: `Bearer ${await tokenOf(me)}` };
    const within = [];
    for (let i = 0; i < 4; i++) within.push(await request(limited, 'GET', '/api/auth/me', auth));
    expect(within.map((a) => a.status)).toEqual([200, 200, 200, 200]);
    expect(within.map(remaining)).toEqual([3, 2, 1, 0]);
    const over = await request(limited, 'GET', '/api/auth/me', auth);
    expect(over.status).toBe(429);
    expect(JSON.parse(over.body)).toMatchObject({ code: 'RATE_LIMITED', status: 429 });
    const retryAfter = Number(over.headers['retry-after']);
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(over.headers['ratelimit']).toBe(`"per-user";r=0;t=${retryAfter}`);
    expect(over.headers['ratelimit-policy']).toBe('"per-user";q=5;w=60');
    // Another user's budget is its own.
    const other = await person(limited.baseUrl, 'rl5b');
    expect(
      (await request(limited, 'GET', '/api/auth/me', { authorization: `Bearer ${await tokenOf(other)}` })).status,
    ).toBe(200);
  });

  it('is off with API_RATE_LIMIT_PER_MINUTE=0: no headers, no 429', async () => {
    const me = await person(unlimited.baseUrl, 'rl0');
    const auth = { authorization: `Bearer ${await tokenOf(me)}` };
    const answers = [];
    for (let i = 0; i < 8; i++) answers.push(await request(unlimited, 'GET', '/api/auth/me', auth));
    expect(answers.map((a) => a.status)).toEqual(Array(8).fill(200));
    expect(
      answers.some((a) => a.headers['ratelimit'] !== undefined || a.headers['ratelimit-policy'] !== undefined),
    ).toBe(false);
  });
});

describe('CORS', () => {
  const preflight = (base: TestServer, origin: string) =>
    request(base, 'OPTIONS', '/api/tickets', {
      origin,
      'access-control-request-method': 'POST',
      'access-control-request-headers': 'authorization, content-type, idempotency-key',
    });

  it('answers the preflight of a listed origin, without credentials mode', async () => {
    const answer = await preflight(cors, 'https://app.example');
    expect(answer.status).toBe(204);
    expect(answer.headers['access-control-allow-origin']).toBe('https://app.example');
    expect(String(answer.headers['access-control-allow-methods']).split(', ')).toEqual(
      expect.arrayContaining(['GET', 'POST', 'PATCH', 'DELETE']),
    );
    expect(answer.headers['access-control-allow-headers']).toBe(
      'authorization, content-type, idempotency-key, x-request-id',
    );
    expect(answer.headers['access-control-allow-credentials']).toBeUndefined();
    expect(String(answer.headers['vary'])).toMatch(/origin/i);
  });

  it('lets a listed origin call with a bearer token and read the conventions headers', async () => {
    const me = await person(cors.baseUrl, 'cors');
    const answer = await request(cors, 'GET', '/api/tickets', {
      origin: 'http://localhost:4200',
      authorization: `Bearer ${await tokenOf(me)}`,
    });
    expect(answer.status).toBe(200);
    expect(answer.headers['access-control-allow-origin']).toBe('http://localhost:4200');
    expect(answer.headers['access-control-expose-headers']).toBe(
      'location, ratelimit, ratelimit-policy, retry-after, x-request-id, idempotent-replayed',
    );
    expect(answer.headers['access-control-allow-credentials']).toBeUndefined();
  });

  it('gives an origin that is not listed no Access-Control-* header', async () => {
    const me = await person(cors.baseUrl, 'cors2');
    const auth = { authorization: `Bearer ${await tokenOf(me)}` };
    for (const answer of [
      await preflight(cors, 'https://evil.example'),
      await request(cors, 'GET', '/api/tickets', { origin: 'https://evil.example', ...auth }),
      await request(cors, 'GET', '/api/tickets', auth),
    ]) {
      expect(accessControl(answer)).toEqual([]);
    }
    expect((await preflight(cors, 'https://evil.example')).status).toBe(404);
  });

  it('gives no origin any Access-Control-* header when CORS_ORIGINS is empty', async () => {
    expect(accessControl(await preflight(server, 'https://app.example'))).toEqual([]);
    expect(accessControl(await request(server, 'GET', '/api/health', { origin: 'https://app.example' }))).toEqual([]);
  });
});

describe('WWW-Authenticate', () => {
  it('is Bearer error="invalid_token" on a 401 to a request with an unknown bearer token', async () => {
    const answer = await request(server, 'GET', '/api/tickets', { authorization: 'Bearer not-a-token' });
    expect(answer.status).toBe(401);
    expect(answer.headers['www-authenticate']).toBe('Bearer error="invalid_token"');
  });

  it('is absent on a 401 to a request without Authorization', async () => {
    const answer = await request(server, 'GET', '/api/tickets');
    expect(answer.status).toBe(401);
    expect(answer.headers['www-authenticate']).toBeUndefined();
  });
});
