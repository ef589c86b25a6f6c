import { signup } from '@bw/sdk';
import { ApiSession, newUser } from '@bw/testing/api-session';
import { IsolatedDatabase, isolatedDatabase } from '@bw/testing/isolated-database';
import { startTestServer, TestServer } from '@bw/testing/server';

jest.setTimeout(120_000);

/**
 * Login throttling under concurrency (issue 11, item 2): simultaneous attempts must not all pass a
 * limit that none of their failures has been counted against yet, on one instance or several.
 */
describe('login throttle under concurrent attempts', () => {
  let db: IsolatedDatabase;
  let server: TestServer;
  let other: TestServer;
  beforeAll(async () => {
    db = await isolatedDatabase();
    // The account limit is the default (5); each test uses its own client IP (X-Forwarded-For, one proxy hop).
    const env = { DATABASE_URL: db.url, LOGIN_MAX_FAILURES_PER_IP: '3', TRUST_PROXY_HOPS: '1' };
    [server, other] = await Promise.all([startTestServer(env), startTestServer(env)]);
  }, 60_000);
  afterAll(async () => {
    await Promise.all([server?.close(), other?.close()]);
    await db?.drop();
  });

  let ipCounter = 0;
  const freshIps = (n: number) =>
    Array.from({ length: n }, () => `10.77.${Math.floor(++ipCounter / 250)}.${ipCounter % 250}`);
  const attempt = (on: TestServer, email: string, password: string, ip: string) =>
    new ApiSession(on.baseUrl).raw('/api/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': ip },
      body: JSON.stringify({ email, password }),
    });
  const account = async () => {
    const body = newUser('race');
    expect((await signup({ client: new ApiSession(server.baseUrl).client, body })).response.status).toBe(201);
    return body;
  };
  const counter = async (key: string) =>
    (await db.query<{ failures: number }>('select failures from login_throttle where key = $1', [key]))[0]?.failures;
  const tally = (statuses: number[]) =>
    statuses.reduce<Record<number, number>>((acc, s) => ({ ...acc, [s]: (acc[s] ?? 0) + 1 }), {});

  it('lets exactly 5 of 8 simultaneous wrong passwords for one account be tried (401), refuses the rest (429 + Retry-After), known or unknown email alike', async () => {
    const known = await account();
    const unknown = `nobody.${Date.now()}@example.com`;
    const ips = freshIps(16);
    const responses = await Promise.all([
      ...ips.slice(0, 8).map((ip) => attempt(server, known.email, 'wrong password!', ip)),
      ...ips.slice(8).map((ip) => attempt(server, unknown, 'wrong password!', ip)),
    ]);
    const bodies = await Promise.all(
      responses.map(async (r) => ({
        status: r.status,
        retryAfter: r.headers.get('retry-after'),
        code: ((await r.json()) as { code: string }).code,
      })),
    );
    for (const group of [bodies.slice(0, 8), bodies.slice(8)]) {
      expect(tally(group.map((b) => b.status))).toEqual({ 401: 5, 429: 3 });
      expect(new Set(group.filter((b) => b.status === 401).map((b) => b.code))).toEqual(
        new Set(['INVALID_CREDENTIALS']),
      );
      for (const b of group.filter((b) => b.status === 429)) expect(Number(b.retryAfter)).toBeGreaterThan(0);
    }
    // The refused attempts gave their slots back: 5 failures counted, not 8.
    expect(await counter(`account:${known.email.toLowerCase()}`)).toBe(5);
    expect(await counter(`account:${unknown}`)).toBe(5);
    // Locked: the right password is refused too.
    expect((await attempt(server, known.email, known.password, freshIps(1)[0])).status).toBe(429);
  });

  it('lets exactly LOGIN_MAX_FAILURES_PER_IP of 8 simultaneous wrong logins from one IP be tried, whatever the accounts', async () => {
    const [ip] = freshIps(1);
    const statuses = (
      await Promise.all(
        Array.from({ length: 8 }, (_, i) =>
          attempt(server, `spray${i}.${Date.now()}@example.com`, 'wrong password!', ip),
        ),
      )
    ).map((r) => r.status);
    expect(tally(statuses)).toEqual({ 401: 3, 429: 5 });
    expect(await counter(`ip:${ip}`)).toBe(3);
    const victim = await account();
    expect((await attempt(server, victim.email, victim.password, ip)).status).toBe(429);
    expect((await attempt(server, victim.email, victim.password, freshIps(1)[0])).status).toBe(200);
  });

  it('holds the limits across two instances on one database', async () => {
    const target = await account();
    const ips = freshIps(10);
    const statuses = (
      await Promise.all(ips.map((ip, i) => attempt(i % 2 === 0 ? server : other, target.email, 'wrong password!', ip)))
    ).map((r) => r.status);
    expect(tally(statuses)).toEqual({ 401: 5, 429: 5 });
    const [ip] = freshIps(1);
    const sprayed = (
      await Promise.all(
        Array.from({ length: 6 }, (_, i) =>
          attempt(i % 2 === 0 ? server : other, `multi${i}.${Date.now()}@example.com`, 'wrong password!', ip),
        ),
      )
    ).map((r) => r.status);
    expect(tally(sprayed)).toEqual({ 401: 3, 429: 3 });
  });

  it('counts a successful login as no failure of its IP, and clears the account counter', async () => {
    const user = await account();
    const [ip] = freshIps(1);
    expect((await attempt(server, user.email, 'wrong password!', ip)).status).toBe(401);
    expect((await attempt(other, user.email, 'wrong password!', ip)).status).toBe(401);
    for (let i = 0; i < 4; i++)
      expect((await attempt(i % 2 === 0 ? server : other, user.email, user.password, ip)).status).toBe(200);
    expect(await counter(`ip:${ip}`)).toBe(2);
    expect(await counter(`account:${user.email.toLowerCase()}`)).toBeUndefined();
    expect((await attempt(server, `third.${Date.now()}@example.com`, 'wrong password!', ip)).status).toBe(401);
    expect((await attempt(server, `fourth.${Date.now()}@example.com`, 'wrong password!', ip)).status).toBe(429);
  });
});
