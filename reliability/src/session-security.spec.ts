import { createApiToken, getMe, listApiTokens, login, logout, signup } from '@bw/sdk';
import { ApiSession, newUser } from '@bw/testing/api-session';
import { startChildServer } from '@bw/testing/child-server';
import { person } from '@bw/testing/fixtures';
import { IsolatedDatabase, isolatedDatabase } from '@bw/testing/isolated-database';
import { startTestServer, TestServer } from '@bw/testing/server';
import { recordFigures } from './support/figures';

jest.setTimeout(180_000);

const SESSION_COOKIE_NAMES = /^(bw\.sid|connect\.sid|sid|session)/i;
/** express-session's cookie is `s:<id>.<signature>`, URL-encoded. */
function sessionCookie(s: ApiSession): { name: string; raw: string; id: string } {
  const entry = [...s.cookies].find(([name]) => name !== 'XSRF-TOKEN');
  if (!entry) throw new Error(`no session cookie in ${[...s.cookies.keys()].join(', ')}`);
  const raw = decodeURIComponent(entry[1]);
  const id = raw.replace(/^s:/, '').split('.')[0];
  return { name: entry[0], raw, id };
}
function replay(baseUrl: string, cookies: Map<string, string>): ApiSession {
  const s = new ApiSession(baseUrl);
  for (const [k, v] of cookies) s.cookies.set(k, v);
  return s;
}

describe('session and account security', () => {
  let db: IsolatedDatabase;
  let server: TestServer;
  beforeAll(async () => {
    db = await isolatedDatabase();
    // Small limits so the brute-force tests are quick; X-Forwarded-For honoured (one proxy hop).
    server = await startTestServer({
      DATABASE_URL: db.url,
      LOGIN_MAX_FAILURES_PER_ACCOUNT: '4',
      LOGIN_MAX_FAILURES_PER_IP: '10',
      TRUST_PROXY_HOPS: '1',
    });
  }, 60_000);
  afterAll(async () => {
    await server?.close();
    await db?.drop();
  });

  it('issues session ids of at least 128 bits, a new one at every login and sign-up', async () => {
    const body = newUser('sess');
    const s = new ApiSession(server.baseUrl);
    await signup({ client: s.client, body });
    const first = sessionCookie(s);
    expect(SESSION_COOKIE_NAMES.test(first.name) || first.name.length > 0).toBe(true);
    // Entropy: express-session ids are base64url of random bytes; ≥ 22 such characters is ≥ 128 bits.
    expect(first.id).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(first.id.length * 6).toBeGreaterThanOrEqual(128);
    const before = new Map(s.cookies);
    // Login on the same jar (a fixated or pre-existing session): the id changes, the old one is dead.
    expect(
      (await login({ client: s.client, body: { email: body.email, password: body.password } })).response.status,
    ).toBe(200);
    const second = sessionCookie(s);
    expect(second.id).not.toBe(first.id);
    expect((await getMe({ client: replay(server.baseUrl, before).client })).response.status).toBe(401);
    expect((await getMe({ client: s.client })).response.status).toBe(200);
    const ids = new Set([first.id, second.id]);
    for (let i = 0; i < 3; i++) {
      await login({ client: s.client, body: { email: body.email, password: body.password } });
      ids.add(sessionCookie(s).id);
    }
    expect(ids.size).toBe(5);
    const rows = await db.query<{ sid: string }>('select sid from session where sid = any($1)', [[...ids]]);
    expect(rows.map((r) => r.sid)).toEqual([sessionCookie(s).id]);
  });

  it('kills the session server-side at logout: replaying the old cookie fails', async () => {
    const p = await person(server.baseUrl, 'logout');
    const saved = new Map(p.s.cookies);
    const id = sessionCookie(p.s).id;
    expect((await logout({ client: p.s.client })).response.status).toBe(204);
    expect((await getMe({ client: replay(server.baseUrl, saved).client })).response.status).toBe(401);
    expect((await listApiTokens({ client: replay(server.baseUrl, saved).client })).response.status).toBe(401);
    expect(await db.query('select sid from session where sid = $1', [id])).toEqual([]);
  });

  it('requires the CSRF header on cookie-authenticated writes (missing or wrong: 403), not on token-authenticated ones', async () => {
    const p = await person(server.baseUrl, 'csrf');
    const noHeader = replay(server.baseUrl, p.s.cookies);
    const bare = new ApiSession(server.baseUrl, { csrf: false });
    for (const [k, v] of p.s.cookies) bare.cookies.set(k, v);
    const body = JSON.stringify({ name: 'x', email: 'x@example.com' });
    const headers = { 'content-type': 'application/json' };
    expect((await bare.raw('/api/customers', { method: 'POST', headers, body })).status).toBe(403);
    expect(
      (
        await bare.raw('/api/customers', {
          method: 'POST',
          headers: { ...headers, 'x-xsrf-token': 'A'.repeat(43) },
          body,
        })
      ).status,
    ).toBe(403);
    expect(
      (await bare.raw('/api/customers', { method: 'POST', headers: { ...headers, 'x-xsrf-token': '' }, body })).status,
    ).toBe(403);
    expect((await bare.raw('/api/auth/logout', { method: 'POST' })).status).toBe(403);
    // A token from another jar does not pass either (double submit binds header to this cookie).
    const other = await person(server.baseUrl, 'csrf2');
    expect(
      (
        await bare.raw('/api/customers', {
          method: 'POST',
          headers: { ...headers, 'x-xsrf-token': decodeURIComponent(other.s.cookies.get('XSRF-TOKEN')!) },
          body,
        })
      ).status,
    ).toBe(403);
    expect((await noHeader.raw('/api/customers', { method: 'POST', headers, body })).status).toBe(201);
    const token = (await createApiToken({ client: p.s.client, body: { name: 'csrf' } })).data!.token;
    expect(
      (
        await new ApiSession(server.baseUrl, { bearer: token, csrf: false }).raw('/api/customers', {
          method: 'POST',
          headers,
          body,
        })
      ).status,
    ).toBe(201);
  });

  it('rate limits login failures per account (429 + Retry-After), from any IP, even with the right password', async () => {
    const body = newUser('brute');
    await signup({ client: new ApiSession(server.baseUrl).client, body });
    const attempt = (password: string, ip: string) =>
      new ApiSession(server.baseUrl).raw('/api/auth/login', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-forwarded-for': ip },
        body: JSON.stringify({ email: body.email, password }),
      });
    for (let i = 0; i < 4; i++) expect((await attempt('wrong password!', `10.1.0.${i}`)).status).toBe(401);
    for (const ip of ['10.1.0.9', '10.1.0.10']) {
      const res = await attempt(body.password, ip);
      expect(res.status).toBe(429);
      expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    }
    // The same email in another case is the same account.
    expect(
      (
        await attempt(body.password, '10.1.0.11').then(() =>
          new ApiSession(server.baseUrl).raw('/api/auth/login', {
            method: 'POST',
            headers: { 'content-type': 'application/json', 'x-forwarded-for': '10.1.0.12' },
            body: JSON.stringify({ email: body.email.toUpperCase(), password: body.password }),
          }),
        )
      ).status,
    ).toBe(429);
  });

  it('rate limits login failures per IP (X-Forwarded-For with TRUST_PROXY_HOPS=1), other IPs unaffected', async () => {
    const victim = newUser('ipvictim');
    await signup({ client: new ApiSession(server.baseUrl).client, body: victim });
    const attempt = (email: string, password: string, ip: string) =>
      new ApiSession(server.baseUrl).raw('/api/auth/login', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-forwarded-for': ip },
        body: JSON.stringify({ email, password }),
      });
    for (let i = 0; i < 10; i++)
      expect((await attempt(`nobody${i}@example.com`, 'wrong password!', '10.2.0.1')).status).toBe(401);
    const blocked = await attempt(victim.email, victim.password, '10.2.0.1');
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await attempt(victim.email, victim.password, '10.2.0.2')).status).toBe(200);
  });

  it('ignores X-Forwarded-For without TRUST_PROXY_HOPS: a client cannot rotate its way past the IP limit', async () => {
    const local = await isolatedDatabase();
    const direct = await startTestServer({
      DATABASE_URL: local.url,
      LOGIN_MAX_FAILURES_PER_ACCOUNT: '100',
      LOGIN_MAX_FAILURES_PER_IP: '5',
    });
    try {
      const attempt = (i: number) =>
        new ApiSession(direct.baseUrl).raw('/api/auth/login', {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-forwarded-for': `10.3.0.${i}` },
          body: JSON.stringify({ email: `n${i}@example.com`, password: 'wrong password!' }),
        });
      const statuses = [];
      for (let i = 0; i < 7; i++) statuses.push((await attempt(i)).status);
      expect(statuses).toEqual([401, 401, 401, 401, 401, 429, 429]);
    } finally {
      await direct.close();
      await local.drop();
    }
  });

  it('accepts passwords up to 128 characters (unicode included) and refuses 129 naming the field', async () => {
    const long = 'Ünï©ødé-🔑'.repeat(20).slice(0, 128);
    expect([...long].length).toBeLessThanOrEqual(128);
    const exact = 'p'.repeat(128);
    for (const password of [exact, long]) {
      const body = { ...newUser('longpw'), password };
      expect((await signup({ client: new ApiSession(server.baseUrl).client, body })).response.status).toBe(201);
      expect(
        (await login({ client: new ApiSession(server.baseUrl).client, body: { email: body.email, password } })).response
          .status,
      ).toBe(200);
    }
    const tooLong = await signup({
      client: new ApiSession(server.baseUrl).client,
      body: { ...newUser('longpw'), password: 'p'.repeat(129) },
    });
    expect(tooLong.response.status).toBe(400);
    expect((tooLong.error as { errors: { field: string }[] }).errors.map((e) => e.field)).toContain('password');
  });

  it('never puts a password, password hash, token secret or session id in a response or a log line', async () => {
    const logDb = await isolatedDatabase();
    const child = await startChildServer(
      { DATABASE_URL: logDb.url, LOG_LEVEL: 'debug', OUTBOX_DISPATCH: 'false' },
      { captureStdout: true },
    );
    const responses: string[] = [];
    const secrets: string[] = [];
    try {
      const record = async (res: Response) => {
        responses.push(
          `${res.status} ${[...(res.headers as unknown as Iterable<[string, string]>)].map(([k, v]) => (k === 'set-cookie' ? '' : `${k}: ${v}`)).join('\n')}\n${await res.text()}`,
        );
      };
      const body = newUser('logscan');
      secrets.push(body.password);
      const s = new ApiSession(child.baseUrl);
      const json = { 'content-type': 'application/json' };
      await record(await s.raw('/api/auth/signup', { method: 'POST', headers: json, body: JSON.stringify(body) }));
      const afterSignup = sessionCookie(s);
      await record(
        await s.raw('/api/auth/login', {
          method: 'POST',
          headers: json,
          body: JSON.stringify({ email: body.email, password: body.password }),
        }),
      );
      const afterLogin = sessionCookie(s);
      secrets.push(afterSignup.id, afterSignup.raw, afterLogin.id, afterLogin.raw);
      await record(
        await s.raw('/api/auth/login', {
          method: 'POST',
          headers: json,
          body: JSON.stringify({ email: body.email, password: `${body.password}-wrong` }),
        }),
      );
      secrets.push(`${body.password}-wrong`);
      // Malformed JSON that carries a password, and a password in a field that is not allowed.
      await record(
        await s.raw('/api/auth/login', {
          method: 'POST',
          headers: json,
          body: `{"email":"${body.email}","password":"${body.password}"`,
        }),
      );
      await record(
        await s.raw('/api/auth/signup', {
          method: 'POST',
          headers: json,
          body: JSON.stringify({ ...newUser('x'), password: 'short', passwordConfirm: body.password }),
        }),
      );
      const tokenRes = await s.raw('/api/auth/tokens', {
        method: 'POST',
        headers: json,
        body: JSON.stringify({ name: 'log scan' }),
      });
      // (The creation answer is the one place the secret is shown, once, by contract: not scanned.)
      const token = (await tokenRes.json()).token as string;
      const bearer = new ApiSession(child.baseUrl, { bearer: token });
      await record(await bearer.raw('/api/auth/me'));
      await record(await bearer.raw('/api/customers?limit=1'));
      await record(await bearer.raw('/api/auth/tokens'));
      await record(await new ApiSession(child.baseUrl, { bearer: `${token}x` }).raw('/api/auth/me'));
      await record(await s.raw('/api/auth/me'));
      await record(await s.raw('/api/auth/logout', { method: 'POST' }));
      const hashes = (
        await logDb.query<{ password_hash: string }>('select password_hash from users where email = $1', [
          body.email.toLowerCase(),
        ])
      ).map((r) => r.password_hash);
      const tokenHashes = (await logDb.query<{ token_hash: string }>('select token_hash from api_tokens')).map(
        (r) => r.token_hash,
      );
      expect(hashes).toHaveLength(1);
      secrets.push(token, ...hashes, ...tokenHashes, ...hashes.map((h) => h.split('$').slice(-1)[0]));
      await new Promise((resolve) => setTimeout(resolve, 300)); // let the last log lines flush
      const logs = child.stdout();
      const lines = logs.split('\n').filter(Boolean);
      expect(lines.length).toBeGreaterThan(5); // the logs were really captured
      const leaks = secrets
        .filter((secret) => secret.length >= 8)
        .flatMap((secret) => [
          ...lines.filter((l) => l.includes(secret)).map((l) => `log: ${l.slice(0, 200)}`),
          ...responses.filter((r) => r.includes(secret)).map((r) => `response: ${r.slice(0, 200)}`),
        ]);
      expect(leaks).toEqual([]);
      expect(responses.join('\n')).not.toMatch(/scrypt\$|passwordHash|password_hash/);
      recordFigures('log-scan', {
        logLines: lines.length,
        responsesScanned: responses.length,
        secretsSearched: secrets.length,
        leaks: leaks.length,
      });
    } finally {
      await child.kill('SIGKILL');
      await logDb.drop();
    }
  });
});
