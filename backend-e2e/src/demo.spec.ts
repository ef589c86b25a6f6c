import {
  countUnreadMessages,
  demoLogin,
  listCustomers,
  listMacros,
  listMessages,
  listTickets,
  listTriggers,
} from '@bw/sdk';
import { ApiSession } from './support/api-session';
import { startTestServer, TestServer } from './support/server';

describe('the demo workspace', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.close());

  it('shows the product off: customers, tickets in both boxes, macros, triggers and messages', async () => {
    const s = new ApiSession(server.baseUrl);
    expect((await demoLogin({ client: s.client })).response.status).toBe(200);
    expect(
      (await listCustomers({ client: s.client, query: { limit: 100 } })).data!.items.length,
    ).toBeGreaterThanOrEqual(4);
    const incoming = (await listTickets({ client: s.client, query: { box: 'incoming', limit: 100 } })).data!.items;
    const outgoing = (await listTickets({ client: s.client, query: { box: 'outgoing', limit: 100 } })).data!.items;
    expect(incoming.length).toBeGreaterThanOrEqual(2);
    expect(outgoing.length).toBeGreaterThanOrEqual(4);
    expect(new Set([...incoming, ...outgoing].map((t) => t.status))).toEqual(new Set(['open', 'pending', 'closed']));
    const macros = (await listMacros({ client: s.client, query: { limit: 100 } })).data!.items;
    expect(macros.some((m) => m.availableFor === 'everyone')).toBe(true);
    expect((await listTriggers({ client: s.client, query: { limit: 100 } })).data!.items.length).toBeGreaterThanOrEqual(
      3,
    );
    expect(
      (await listMessages({ client: s.client, query: { box: 'inbox' } })).data!.items.length,
    ).toBeGreaterThanOrEqual(2);
    expect((await countUnreadMessages({ client: s.client })).data!.count).toBeGreaterThanOrEqual(1);
  });

  it('is seeded idempotently: a second boot adds nothing', async () => {
    const s = new ApiSession(server.baseUrl);
    const demo = (await demoLogin({ client: s.client })).data!.user;
    // The demo's own rows only: other test files create macros shared with everyone meanwhile.
    const count = async () =>
      (await listTickets({ client: s.client, query: { limit: 100 } })).data!.items.length +
      (await listMacros({ client: s.client, query: { limit: 100 } })).data!.items.filter((m) => m.ownerId === demo.id)
        .length +
      (await listTriggers({ client: s.client, query: { limit: 100 } })).data!.items.length;
    const before = await count();
    const again = await startTestServer();
    await again.close();
    expect(await count()).toBe(before);
  });
});
