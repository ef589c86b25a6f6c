import {
  countUnreadMessages,
  demoLogin,
  listCustomers,
  listMacros,
  listTicketHistory,
  listMessages,
  listTickets,
  listTriggers,
  getDuePolicy,
} from '@bw/sdk';
import { ApiSession } from './support/api-session';
import { isolatedDatabase } from './support/isolated-database';
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

  it('shows due dates off: an overdue ticket, tickets due soon, a due policy and an overdue trigger', async () => {
    const s = new ApiSession(server.baseUrl);
    expect((await demoLogin({ client: s.client })).response.status).toBe(200);
    const overdue = (await listTickets({ client: s.client, query: { overdue: true, limit: 100 } })).data!.items;
    expect(overdue.length).toBeGreaterThanOrEqual(1);
    expect(overdue.every((t) => t.overdue)).toBe(true);
    const byDue = (await listTickets({ client: s.client, query: { sort: 'due', limit: 100 } })).data!.items;
    expect(byDue.filter((t) => t.dueAt && !t.overdue).length).toBeGreaterThanOrEqual(3);
    expect((await getDuePolicy({ client: s.client })).data!.urgent).toEqual(expect.any(Number));
    const triggers = (await listTriggers({ client: s.client, query: { limit: 100 } })).data!.items;
    expect(triggers.some((t) => t.event === 'ticket.overdue' && t.active)).toBe(true);
  });

  it('gives every ticket a history: created, escalated (by a macro), moved on or closed, replies', async () => {
    const s = new ApiSession(server.baseUrl);
    expect((await demoLogin({ client: s.client })).response.status).toBe(200);
    const tickets = (await listTickets({ client: s.client, query: { limit: 100 } })).data!.items;
    const histories = new Map<string, Awaited<ReturnType<typeof historyOf>>>();
    async function historyOf(id: string) {
      return (await listTicketHistory({ client: s.client, path: { id }, query: { limit: 100 } })).data!.items;
    }
    for (const t of tickets) histories.set(t.id, await historyOf(t.id));
    for (const t of tickets) {
      const h = histories.get(t.id)!;
      expect(h[0]).toMatchObject({ action: 'created', actor: { id: t.creator.id }, changes: [] });
      expect(h.map((e) => e.at)).toEqual([...h.map((e) => e.at)].sort());
      if (t.status === 'closed') expect(h.some((e) => e.action === 'closed')).toBe(true);
      if (t.status === 'pending')
        expect(h.flatMap((e) => e.changes)).toContainEqual({ field: 'status', from: 'open', to: 'pending' });
    }
    const urgent = tickets.find((t) => t.priority === 'urgent');
    expect(urgent).toBeDefined();
    expect(histories.get(urgent!.id)!.find((e) => e.action === 'updated')).toMatchObject({
      via: { kind: 'macro', name: 'Escalate to urgent' },
      changes: [{ field: 'priority', from: 'normal', to: 'urgent' }],
    });
    expect([...histories.values()].some((h) => h.some((e) => e.action === 'commented'))).toBe(true);
  });

  it('is seeded idempotently: a second boot adds nothing', async () => {
    const s = new ApiSession(server.baseUrl);
    const demo = (await demoLogin({ client: s.client })).data!.user;
    // The demo's own rows only: other test files create macros shared with everyone meanwhile.
    const count = async () =>
      (await listTickets({ client: s.client, query: { limit: 100 } })).data!.items.length +
      (await listMacros({ client: s.client, query: { limit: 100 } })).data!.items.filter((m) => m.ownerId === demo.id)
        .length +
      (await listTriggers({ client: s.client, query: { limit: 100 } })).data!.items.length +
      (await listTicketHistory({ client: s.client, path: { id: tickets[0].id }, query: { limit: 100 } })).data!.items
        .length;
    const tickets = (await listTickets({ client: s.client, query: { limit: 100 } })).data!.items;
    const before = await count();
    const again = await startTestServer();
    await again.close();
    expect(await count()).toBe(before);
  });

  it('is seeded once when instances boot together on an empty database', async () => {
    const db = await isolatedDatabase();
    try {
      const servers = await Promise.all([1, 2, 3].map(() => startTestServer({ DATABASE_URL: db.url })));
      await Promise.all(servers.map((s) => s.close()));
      const twice = await db.query<{ subject_id: string; name: string; occurred_at: Date; n: number }>(
        `select subject_id, name, occurred_at, count(*)::int as n from outbox_events
          group by subject_id, name, occurred_at having count(*) > 1`,
      );
      expect(twice).toEqual([]);
      const [{ n }] = await db.query<{ n: number }>(`select count(distinct subject_id)::int as n from outbox_events`);
      expect(n).toBeGreaterThanOrEqual(6);
    } finally {
      await db.drop();
    }
  });
});
