import {
  createApiToken,
  demoLogin,
  getHealth,
  getMe,
  listApiTokens,
  listUsers,
  login,
  logout,
  revokeApiToken,
  signup,
} from '@bw/sdk';
import { ApiSession, newUser } from './support/api-session';
import { eventually } from './support/isolated-database';
import { startTestServer, TestServer } from './support/server';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

const session = (options?: ConstructorParameters<typeof ApiSession>[1]) => new ApiSession(server.baseUrl, options);

async function signedUp() {
  const s = session();
  const body = newUser();
  const res = await signup({ client: s.client, body });
  expect(res.response.status).toBe(201);
  return { s, body, user: res.data!.user };
}

describe('sign up', () => {
  it('creates the account, answers {user} without secrets, and logs the user in', async () => {
    const s = session();
    const body = newUser();
    const res = await signup({ client: s.client, body });
    expect(res.response.status).toBe(201);
    expect(res.data!.user).toEqual({
      id: expect.any(String),
      username: body.username,
      email: body.email.toLowerCase(),
      createdAt: expect.any(String),
    });
    expect(JSON.stringify(res.data)).not.toMatch(/password|hash/i);
    expect(s.cookies.has('bw.sid')).toBe(true);
    const me = await getMe({ client: s.client });
    expect(me.response.status).toBe(200);
    expect(me.data!.user.id).toBe(res.data!.user.id);
  });

  it.each([
    ['email', { email: 'not-an-email' }],
    ['username', { username: 'ab' }],
    ['username', { username: 'has space' }],
    ['username', { username: 'x'.repeat(31) }],
    ['password', { password: 'short' }],
    ['password', { password: 'p'.repeat(129) }],
  ])('rejects a bad %s with 400 naming the field', async (field, override) => {
    const s = session();
    const res = await signup({ client: s.client, body: { ...newUser(), ...override } });
    expect(res.response.status).toBe(400);
    expect(res.response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(res.error).toMatchObject({
      status: 400,
      title: expect.any(String),
      type: expect.any(String),
      detail: expect.any(String),
    });
    expect((res.error as { errors: { field: string }[] }).errors.map((e) => e.field)).toEqual(
      expect.arrayContaining([field]),
    );
  });

  it('accepts a password of 128 characters', async () => {
    const res = await signup({ client: session().client, body: { ...newUser(), password: 'p'.repeat(128) } });
    expect(res.response.status).toBe(201);
  });

  it('rejects unknown fields instead of ignoring them', async () => {
    const res = await signup({ client: session().client, body: { ...newUser(), isAdmin: true } as never });
    expect(res.response.status).toBe(400);
    expect((res.error as { errors: { field: string }[] }).errors).toContainEqual(
      expect.objectContaining({ field: 'isAdmin' }),
    );
  });

  it('answers 409 naming email for a duplicate email in another case', async () => {
    const { body } = await signedUp();
    const res = await signup({ client: session().client, body: { ...newUser(), email: body.email.toUpperCase() } });
    expect(res.response.status).toBe(409);
    expect((res.error as { errors: { field: string }[] }).errors).toEqual([
      expect.objectContaining({ field: 'email' }),
    ]);
  });

  it('answers 409 naming username for a duplicate username in another case', async () => {
    const { body } = await signedUp();
    const res = await signup({
      client: session().client,
      body: { ...newUser(), username: body.username.toUpperCase() },
    });
    expect(res.response.status).toBe(409);
    expect((res.error as { errors: { field: string }[] }).errors).toEqual([
      expect.objectContaining({ field: 'username' }),
    ]);
  });

  it('answers 400 for malformed JSON and 413 for a body over the limit, as problem+json', async () => {
    const s = session();
    const malformed = await s.raw('/api/auth/signup', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"email": ',
    });
    expect(malformed.status).toBe(400);
    expect(malformed.headers.get('content-type')).toMatch(/problem\+json/);
    expect(await malformed.json()).toMatchObject({ status: 400, errors: [{ field: 'body' }] });
    const huge = await s.raw('/api/auth/signup', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ ...newUser(), username: 'x'.repeat(200_000) }),
    });
    expect(huge.status).toBe(413);
    expect(await huge.json()).toMatchObject({ status: 413 });
  });
});

describe('log in and out', () => {
  it('logs in with the right password (email in any case) and regenerates the session id', async () => {
    const { body } = await signedUp();
    const s = session();
    await getHealth({ client: s.client });
    // A session created before login (e.g. planted by an attacker) must not survive the login.
    await signup({ client: s.client, body: newUser() });
    const before = s.cookies.get('bw.sid');
    const res = await login({ client: s.client, body: { email: body.email.toUpperCase(), password: body.password } });
    expect(res.response.status).toBe(200);
    expect(res.data!.user.email).toBe(body.email.toLowerCase());
    expect(s.cookies.get('bw.sid')).toBeDefined();
    expect(s.cookies.get('bw.sid')).not.toBe(before);
    const me = await getMe({ client: s.client });
    expect(me.data!.user.username).toBe(body.username);
  });

  it('answers the same 401 for a wrong password and an unknown email', async () => {
    const { body } = await signedUp();
    const wrong = await login({ client: session().client, body: { email: body.email, password: 'wrong-password' } });
    const unknown = await login({
      client: session().client,
      body: { email: `nobody.${Date.now()}@example.com`, password: 'wrong-password' },
    });
    expect(wrong.response.status).toBe(401);
    expect(unknown.response.status).toBe(401);
    expect(wrong.error).toEqual(unknown.error);
  });

  it('answers 400 naming the fields for a malformed login body', async () => {
    const res = await login({ client: session().client, body: { email: 'nope' } as never });
    expect(res.response.status).toBe(400);
    expect((res.error as { errors: { field: string }[] }).errors.map((e) => e.field).sort()).toEqual([
      'email',
      'password',
    ]);
  });

  it('requires the CSRF header for cookie-authenticated writes', async () => {
    const { s } = await signedUp();
    const noHeader = new ApiSession(server.baseUrl, { csrf: false });
    for (const [k, v] of s.cookies) noHeader.cookies.set(k, v);
    const refused = await logout({ client: noHeader.client });
    expect(refused.response.status).toBe(403);
    expect((await getMe({ client: s.client })).response.status).toBe(200);

    const wrong = await noHeader.raw('/api/auth/logout', {
      method: 'POST',
      headers: { 'x-xsrf-token': 'forged-token-forged-token-forged-token' },
    });
    expect(wrong.status).toBe(403);
  });

  it('logs out server-side: the old cookie no longer works', async () => {
    const { s } = await signedUp();
    const stolen = new Map(s.cookies);
    const res = await logout({ client: s.client });
    expect(res.response.status).toBe(204);
    expect((await getMe({ client: s.client })).response.status).toBe(401);
    const replay = session();
    for (const [k, v] of stolen) replay.cookies.set(k, v);
    expect((await getMe({ client: replay.client })).response.status).toBe(401);
  });

  it('logs in as the demo user, which always exists', async () => {
    const s = session();
    const res = await demoLogin({ client: s.client });
    expect(res.response.status).toBe(200);
    expect(res.data!.user.username).toBe('demo');
    expect((await getMe({ client: s.client })).data!.user.username).toBe('demo');
  });

  it('answers 401 to anonymous callers of protected endpoints', async () => {
    const s = session();
    expect((await getMe({ client: s.client })).response.status).toBe(401);
    expect((await listUsers({ client: s.client })).response.status).toBe(401);
    expect((await logout({ client: s.client })).response.status).toBe(401);
    expect((await createApiToken({ client: s.client, body: { name: 'x' } })).response.status).toBe(401);
  });
});

describe('login rate limiting', () => {
  let limited: TestServer;
  beforeAll(async () => {
    limited = await startTestServer({
      LOGIN_MAX_FAILURES_PER_ACCOUNT: '3',
      LOGIN_MAX_FAILURES_PER_IP: '6',
      TRUST_PROXY_HOPS: '1',
    });
  });
  afterAll(() => limited.close());

  it('locks an account after repeated failures with 429 and Retry-After, even for the right password', async () => {
    const s = new ApiSession(limited.baseUrl);
    const body = newUser();
    await signup({ client: s.client, body });
    const ip = { 'x-forwarded-for': `10.1.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}` };
    for (let i = 0; i < 3; i++) {
      const res = await login({
        client: s.client,
        headers: ip,
        body: { email: body.email, password: 'wrong-password' },
      });
      expect(res.response.status).toBe(401);
    }
    const locked = await login({ client: s.client, headers: ip, body: { email: body.email, password: body.password } });
    expect(locked.response.status).toBe(429);
    expect(Number(locked.response.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  it('limits failures per IP across accounts', async () => {
    const s = new ApiSession(limited.baseUrl);
    const ip = { 'x-forwarded-for': `10.2.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}` };
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++) {
      const res = await login({
        client: s.client,
        headers: ip,
        body: { email: `x${i}.${Date.now()}@example.com`, password: 'wrong-password' },
      });
      statuses.push(res.response.status);
    }
    expect(statuses).toEqual([401, 401, 401, 401, 401, 401, 429]);
    // Another IP is not affected.
    const other = await login({
      client: s.client,
      headers: { 'x-forwarded-for': '10.3.0.1' },
      body: { email: `y.${Date.now()}@example.com`, password: 'wrong-password' },
    });
    expect(other.response.status).toBe(401);
  });
});

describe('API tokens', () => {
  it('authenticates with a bearer token without CSRF, lists tokens without secrets, and stops working when revoked', async () => {
    const { s, user } = await signedUp();
    const created = await createApiToken({ client: s.client, body: { name: 'exporter' } });
    expect(created.response.status).toBe(201);
    const secret = created.data!.token;
    expect(secret).toMatch(/^bw_/);

    const bearer = new ApiSession(server.baseUrl, { bearer: secret, csrf: false });
    expect((await getMe({ client: bearer.client })).data!.user.id).toBe(user.id);

    const list = await listApiTokens({ client: s.client });
    expect(list.data!.items).toEqual([expect.objectContaining({ id: created.data!.id, name: 'exporter' })]);
    expect(JSON.stringify(list.data)).not.toContain(secret);

    expect((await revokeApiToken({ client: bearer.client, path: { id: created.data!.id } })).response.status).toBe(204);
    expect((await getMe({ client: bearer.client })).response.status).toBe(401);
  });

  it('serves a known token without a database round trip, and a revocation on another instance ends it there at once', async () => {
    const other = await startTestServer();
    try {
      const { s, user } = await signedUp();
      const created = await createApiToken({ client: s.client, body: { name: 'cached' } });
      const onOther = new ApiSession(other.baseUrl, { bearer: created.data!.token, csrf: false });
      expect((await getMe({ client: onOther.client })).data!.user.id).toBe(user.id);
      other.queries.length = 0;
      expect((await getMe({ client: onOther.client })).data!.user.id).toBe(user.id);
      expect(other.queries.filter((q) => q.includes('api_tokens'))).toEqual([]);

      // Revoked through this instance: the other one hears it (NOTIFY at commit) and evicts it.
      expect((await revokeApiToken({ client: s.client, path: { id: created.data!.id } })).response.status).toBe(204);
      await eventually(
        'the other instance to refuse the revoked token',
        async () => (await getMe({ client: onOther.client })).response.status === 401,
        5000,
        20,
      );
    } finally {
      await other.close();
    }
  });

  it("answers 404 when revoking another user's token or an id that is not one", async () => {
    const owner = await signedUp();
    const stranger = await signedUp();
    const created = await createApiToken({ client: owner.s.client, body: { name: 'mine' } });
    expect((await revokeApiToken({ client: stranger.s.client, path: { id: created.data!.id } })).response.status).toBe(
      404,
    );
    expect((await revokeApiToken({ client: stranger.s.client, path: { id: 'not-a-uuid' } })).response.status).toBe(404);
    expect((await listApiTokens({ client: owner.s.client })).data!.items).toHaveLength(1);
  });

  it('rejects a bad token name with 400 naming the field', async () => {
    const { s } = await signedUp();
    const res = await createApiToken({ client: s.client, body: { name: '' } });
    expect(res.response.status).toBe(400);
    expect((res.error as { errors: { field: string }[] }).errors[0].field).toBe('name');
  });
});

describe('users', () => {
  it('lists other users newest first, filters by q, and walks pages with a keyset cursor', async () => {
    const prefix = `pg${Date.now().toString(36)}`;
    const me = await signedUp();
    const others = [];
    for (let i = 0; i < 3; i++) {
      const s = session();
      const body = { ...newUser(prefix), username: `${prefix}_${i}` };
      await signup({ client: s.client, body });
      others.push(body.username);
    }
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await listUsers({ client: me.s.client, query: { q: prefix, limit: 2, cursor } });
      expect(page.response.status).toBe(200);
      seen.push(...page.data!.items.map((u) => u.username));
      cursor = page.data!.nextCursor ?? undefined;
    } while (cursor);
    expect(seen).toEqual([...others].reverse());
    const all = await listUsers({ client: me.s.client, query: { limit: 100 } });
    expect(all.data!.items.map((u) => u.id)).not.toContain(me.user.id);
    expect(Object.keys(all.data!.items[0]).sort()).toEqual(['id', 'username']);
  });

  it.each([
    [{ limit: 0 }, 'limit'],
    [{ limit: 101 }, 'limit'],
    [{ cursor: 'forged' }, 'cursor'],
    [
      { cursor: Buffer.from('["2020-01-01T00:00:00.000Z","x"]').toString('base64url') + '.AAAAAAAAAAAAAAAAAAAAAA' },
      'cursor',
    ],
  ])('answers 400 for %j', async (query, field) => {
    const { s } = await signedUp();
    const res = await listUsers({ client: s.client, query: query as never });
    expect(res.response.status).toBe(400);
    expect((res.error as { errors: { field: string }[] }).errors[0].field).toBe(field);
  });
});

describe('platform', () => {
  it('answers health with the database status and sets the XSRF-TOKEN cookie', async () => {
    const s = session();
    const res = await getHealth({ client: s.client });
    expect(res.response.status).toBe(200);
    expect(res.data).toMatchObject({ status: 'ok', db: 'up' });
    // The pools of one instance at the test config's sizes, and their sum.
    const pools = res.data!.pools;
    expect(pools.total).toBe(
      pools.orm.max +
        pools.read.max +
        pools.session.max +
        pools.outbox.max +
        pools.notify.max +
        pools.idempotency.max +
        pools.live.max +
        pools.listeners,
    );
    for (const pool of [
      pools.orm,
      pools.read,
      pools.session,
      pools.outbox,
      pools.notify,
      pools.idempotency,
      pools.live,
    ])
      expect(pool.inUse).toBeLessThanOrEqual(pool.max);
    expect(s.cookies.get('XSRF-TOKEN')).toMatch(/^[A-Za-z0-9_-]{32,}$/);
  });

  it('sends helmet security headers and a request id', async () => {
    const res = await session().raw('/api/health');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(res.headers.get('x-request-id')).toBeTruthy();
    expect(res.headers.get('x-powered-by')).toBeNull();
  });

  it('answers unknown API routes with a 404 problem', async () => {
    const res = await session().raw('/api/does-not-exist');
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toMatch(/problem\+json/);
  });

  it('serves the OpenAPI document', async () => {
    const res = await session().raw('/api/docs-json');
    expect(res.status).toBe(200);
    const doc = await res.json();
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/api/auth/signup', '/api/auth/login', '/api/users']),
    );
  });
});
