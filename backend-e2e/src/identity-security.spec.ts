import {
  createApiToken,
  createCustomer,
  demoLogin,
  getHealth,
  getMe,
  listApiTokens,
  listUsers,
  login,
  logout,
  signup,
} from '@bw/sdk';
import { ApiSession, newUser } from './support/api-session';
import { person } from './support/fixtures';
import { startTestServer, TestServer } from './support/server';

/** Findings of an outside attacker (issue 11): what another user can learn, mint or forge. */
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

const session = (options?: ConstructorParameters<typeof ApiSession>[1]) => new ApiSession(server.baseUrl, options);
const xsrfOf = (s: ApiSession) => decodeURIComponent(s.cookies.get('XSRF-TOKEN') ?? '');
/** A jar holding `cookies`, with one cookie replaced (a browser whose XSRF-TOKEN is not its session's). */
function jar(cookies: Map<string, string>, overrides: Record<string, string> = {}): ApiSession {
  const s = session();
  for (const [k, v] of cookies) s.cookies.set(k, v);
  for (const [k, v] of Object.entries(overrides)) s.cookies.set(k, v);
  return s;
}
const newCustomer = (s: ApiSession) =>
  createCustomer({ client: s.client, body: { name: 'Probe', email: `probe.${Date.now()}@example.com` } });

describe('user search', () => {
  it('matches usernames only: a piece of a hidden email address finds nobody', async () => {
    const me = await person(server.baseUrl, 'seeker');
    const tag = `x${Date.now().toString(36)}`;
    const target = { ...newUser('t'), email: `secret.${tag}.mailbox@hidden-domain.example`, username: `plain_${tag}` };
    expect((await signup({ client: session().client, body: target })).response.status).toBe(201);

    for (const q of [`secret.${tag}`, 'hidden-domain', `${tag}.mailbox`, '@']) {
      const page = await listUsers({ client: me.s.client, query: { q, limit: 100 } });
      expect(page.response.status).toBe(200);
      expect(page.data!.items.map((u) => u.username)).not.toContain(target.username);
    }
    const byName = await listUsers({ client: me.s.client, query: { q: `PLAIN_${tag}` } });
    expect(byName.data!.items.map((u) => u.username)).toEqual([target.username]);
  });
});

describe('API tokens', () => {
  it('are created from a session only: a bearer token gets 403 SESSION_REQUIRED and mints nothing', async () => {
    const p = await person(server.baseUrl, 'minter');
    const parent = await createApiToken({ client: p.s.client, body: { name: 'parent' } });
    expect(parent.response.status).toBe(201);
    const bearer = session({ bearer: parent.data!.token, csrf: false });

    const child = await createApiToken({ client: bearer.client, body: { name: 'child' } });
    expect(child.response.status).toBe(403);
    expect(child.response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(child.error).toMatchObject({ status: 403, code: 'SESSION_REQUIRED' });
    expect((await listApiTokens({ client: p.s.client })).data!.items.map((t) => t.name)).toEqual(['parent']);
    // The token keeps working for everything else.
    expect((await getMe({ client: bearer.client })).data!.user.id).toBe(p.user.id);
    expect((await listApiTokens({ client: bearer.client })).response.status).toBe(200);
  });
});

describe('CSRF token bound to the session', () => {
  it('refuses a token from another session even when header and cookie agree', async () => {
    const a = await person(server.baseUrl, 'csrfa');
    const b = await person(server.baseUrl, 'csrfb');
    expect(xsrfOf(a.s)).not.toBe(xsrfOf(b.s));
    // B's session cookie with A's (valid, well-formed) token, echoed in the header by the jar.
    const mixed = jar(b.s.cookies, { 'XSRF-TOKEN': a.s.cookies.get('XSRF-TOKEN')! });
    const refused = await mixed.raw('/api/customers', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-xsrf-token': xsrfOf(a.s) },
      body: JSON.stringify({ name: 'x', email: 'x@example.com' }),
    });
    expect(refused.status).toBe(403);
    expect((await refused.json()).code).toBe('CSRF_TOKEN_INVALID');
    expect((await newCustomer(b.s)).response.status).toBe(201);
  });

  it('refuses a made-up token that header and cookie agree on', async () => {
    const p = await person(server.baseUrl, 'csrfmade');
    const forged = jar(p.s.cookies, { 'XSRF-TOKEN': 'A'.repeat(43) });
    expect((await newCustomer(forged)).response.status).toBe(403);
  });

  it.each(['signup', 'login', 'demo'] as const)(
    'replaces the pre-login token at %s, and the old one is refused afterwards',
    async (how) => {
      const body = newUser('renew');
      if (how === 'login') await signup({ client: session().client, body });
      const s = session();
      await getHealth({ client: s.client });
      const before = s.cookies.get('XSRF-TOKEN')!;
      expect(before).toMatch(/^[A-Za-z0-9_-]{32,}$/);

      const res =
        how === 'signup'
          ? await signup({ client: s.client, body })
          : how === 'login'
            ? await login({ client: s.client, body: { email: body.email, password: body.password } })
            : await demoLogin({ client: s.client });
      expect(res.response.status).toBeLessThan(300);
      expect(s.cookies.get('XSRF-TOKEN')).toMatch(/^[A-Za-z0-9_-]{32,}$/);
      expect(s.cookies.get('XSRF-TOKEN')).not.toBe(before);
      expect((await newCustomer(jar(s.cookies, { 'XSRF-TOKEN': before }))).response.status).toBe(403);
      expect((await newCustomer(s)).response.status).toBe(201);
    },
  );

  it('gives each session its own token, and a fresh one at logout', async () => {
    const body = newUser('twotabs');
    const first = session();
    await signup({ client: first.client, body });
    const second = session();
    await login({ client: second.client, body: { email: body.email, password: body.password } });
    expect(xsrfOf(first)).not.toBe(xsrfOf(second));

    const bound = second.cookies.get('XSRF-TOKEN')!;
    expect((await logout({ client: second.client })).response.status).toBe(204);
    expect(second.cookies.has('bw.sid')).toBe(false);
    expect(second.cookies.get('XSRF-TOKEN')).toMatch(/^[A-Za-z0-9_-]{32,}$/);
    expect(second.cookies.get('XSRF-TOKEN')).not.toBe(bound);
    await login({ client: second.client, body: { email: body.email, password: body.password } });
    expect(second.cookies.get('XSRF-TOKEN')).not.toBe(bound);
    expect((await newCustomer(second)).response.status).toBe(201);
  });

  it("sets the session's token on a response to a browser that holds another one, so the next write passes", async () => {
    const a = await person(server.baseUrl, 'recovera');
    const b = await person(server.baseUrl, 'recoverb');
    const stale = jar(b.s.cookies, { 'XSRF-TOKEN': a.s.cookies.get('XSRF-TOKEN')! });
    expect((await getMe({ client: stale.client })).response.status).toBe(200);
    expect(stale.cookies.get('XSRF-TOKEN')).toBe(b.s.cookies.get('XSRF-TOKEN'));
    expect((await newCustomer(stale)).response.status).toBe(201);

    // A refused write carries the right token too: the retry passes (no 403 loop).
    const again = jar(b.s.cookies, { 'XSRF-TOKEN': a.s.cookies.get('XSRF-TOKEN')! });
    expect((await newCustomer(again)).response.status).toBe(403);
    expect(again.cookies.get('XSRF-TOKEN')).toBe(b.s.cookies.get('XSRF-TOKEN'));
    expect((await newCustomer(again)).response.status).toBe(201);
  });

  it('still gives anonymous visitors a token, and bearer clients none', async () => {
    const anonymous = session();
    expect((await getMe({ client: anonymous.client })).response.status).toBe(401);
    expect(anonymous.cookies.get('XSRF-TOKEN')).toMatch(/^[A-Za-z0-9_-]{32,}$/);
    const kept = anonymous.cookies.get('XSRF-TOKEN');
    await getHealth({ client: anonymous.client });
    expect(anonymous.cookies.get('XSRF-TOKEN')).toBe(kept);

    const p = await person(server.baseUrl, 'bearerxsrf');
    const token = (await createApiToken({ client: p.s.client, body: { name: 'cli' } })).data!.token;
    const res = await session({ bearer: token, csrf: false }).raw('/api/auth/me');
    expect(res.status).toBe(200);
    expect(res.headers.getSetCookie()).toEqual([]);
  });
});
