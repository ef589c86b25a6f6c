import { createApiToken, getMe, listApiTokens, listUsers, signup } from '@bw/sdk';
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
