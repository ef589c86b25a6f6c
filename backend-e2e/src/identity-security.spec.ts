import { listUsers, signup } from '@bw/sdk';
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
