import {
  closeTicket,
  createTicket,
  createTicketComment,
  deleteTicket,
  getTicket,
  listTicketComments,
  listTickets,
  listUserTickets,
  reopenTicket,
  updateTicket,
} from '@bw/sdk';
import { TicketsService } from '@bw/backend/modules/tickets/application/tickets.service';
import type { TicketFields } from '@bw/backend/modules/tickets/domain/ticket.entity';
import { MikroORM, RequestContext } from '@mikro-orm/core';
import { Client } from 'pg';
import { customerOf, fields, person, Person, ticketBy } from './support/fixtures';
import { eventually } from './support/isolated-database';
import { plainStatement, startTestServer, TestServer } from './support/server';

let server: TestServer;
let creator: Person;
let assignee: Person;
let stranger: Person;
let db: Client;
beforeAll(async () => {
  server = await startTestServer();
  [creator, assignee, stranger] = await Promise.all([
    person(server.baseUrl, 'creator'),
    person(server.baseUrl, 'assignee'),
    person(server.baseUrl, 'stranger'),
  ]);
  db = new Client({ connectionString: process.env['TEST_DATABASE_URL'] });
  await db.connect();
});
afterAll(async () => {
  await db.end();
  await server.close();
});

const eventsFor = async (ticketId: string) =>
  (
    await db.query<{ name: string }>(
      `select name from outbox_events where payload->'ticket'->>'id' = $1 order by occurred_at`,
      [ticketId],
    )
  ).rows.map((r) => r.name);

describe('creating tickets', () => {
  it('creates an open ticket with its creator, assignee and customer, and publishes ticket.created', async () => {
    const c = await customerOf(creator);
    const res = await createTicket({
      client: creator.s.client,
      body: {
        title: 'Printer on fire',
        description: 'Third floor',
        customerId: c.id,
        assigneeId: assignee.user.id,
        type: 'incident',
        priority: 'urgent',
        topic: 'facilities',
        photoUrl: 'https://example.com/fire.png',
      },
    });
    expect(res.response.status).toBe(201);
    expect(res.data).toMatchObject({
      title: 'Printer on fire',
      description: 'Third floor',
      status: 'open',
      type: 'incident',
      priority: 'urgent',
      topic: 'facilities',
      photoUrl: 'https://example.com/fire.png',
      version: 1,
      closedAt: null,
      creator: { id: creator.user.id, username: creator.user.username },
      assignee: { id: assignee.user.id, username: assignee.user.username },
      customer: { id: c.id, name: c.name, email: c.email, deleted: false },
    });
    expect(await eventsFor(res.data!.id)).toEqual(['ticket.created']);
  });

  it('lets the caller assign a ticket to themselves', async () => {
    const t = await ticketBy(creator, await customerOf(creator), creator.user);
    expect(t.assignee.id).toBe(creator.user.id);
  });

  it.each([
    [{ title: '' }, 'title'],
    [{ title: 'x'.repeat(201) }, 'title'],
    [{ description: 'x'.repeat(10001) }, 'description'],
    [{ type: 'bug' }, 'type'],
    [{ priority: 'asap' }, 'priority'],
    [{ topic: 'gossip' }, 'topic'],
    [{ photoUrl: 'javascript:alert(1)' }, 'photoUrl'],
    [{ photoUrl: 'ftp://example.com/a.png' }, 'photoUrl'],
    [{ photoUrl: 'file:///etc/passwd' }, 'photoUrl'],
    [{ customerId: 'nope' }, 'customerId'],
    [{ status: 'closed' }, 'status'],
  ])('answers 400 naming the field for %j', async (override, field) => {
    const c = await customerOf(creator);
    const body = {
      title: 'T',
      customerId: c.id,
      assigneeId: assignee.user.id,
      type: 'task',
      priority: 'low',
      topic: 'other',
      ...override,
    };
    const res = await createTicket({ client: creator.s.client, body: body as never });
    expect(res.response.status).toBe(400);
    expect(fields(res.error)).toContain(field);
  });

  it("refuses another user's customer and an unknown assignee with 400, writing nothing", async () => {
    const theirs = await customerOf(stranger);
    const mine = await customerOf(creator);
    const before = (await listTickets({ client: creator.s.client, query: { box: 'outgoing', limit: 100 } })).data!.items
      .length;
    const foreign = await createTicket({
      client: creator.s.client,
      body: {
        title: 'T',
        customerId: theirs.id,
        assigneeId: assignee.user.id,
        type: 'task',
        priority: 'low',
        topic: 'other',
      },
    });
    expect(foreign.response.status).toBe(400);
    expect(fields(foreign.error)).toEqual(['customerId']);
    const ghost = await createTicket({
      client: creator.s.client,
      body: {
        title: 'T',
        customerId: mine.id,
        assigneeId: '6f1c1b4e-1111-4a4a-8a8a-123456789abc',
        type: 'task',
        priority: 'low',
        topic: 'other',
      },
    });
    expect(ghost.response.status).toBe(400);
    expect(fields(ghost.error)).toEqual(['assigneeId']);
    expect(
      (await listTickets({ client: creator.s.client, query: { box: 'outgoing', limit: 100 } })).data!.items.length,
    ).toBe(before);
  });
});

describe('who may do what', () => {
  let ticket: Awaited<ReturnType<typeof ticketBy>>;
  beforeEach(async () => {
    ticket = await ticketBy(creator, await customerOf(creator), assignee.user);
  });

  it('shows the ticket to creator and assignee, and 404 to a stranger for every operation', async () => {
    expect((await getTicket({ client: creator.s.client, path: { id: ticket.id } })).response.status).toBe(200);
    expect((await getTicket({ client: assignee.s.client, path: { id: ticket.id } })).response.status).toBe(200);
    const c = stranger.s.client;
    const path = { id: ticket.id };
    expect((await getTicket({ client: c, path })).response.status).toBe(404);
    expect((await updateTicket({ client: c, path, body: { priority: 'low', version: 1 } })).response.status).toBe(404);
    expect((await closeTicket({ client: c, path })).response.status).toBe(404);
    expect((await reopenTicket({ client: c, path })).response.status).toBe(404);
    expect((await deleteTicket({ client: c, path })).response.status).toBe(404);
    expect((await listTicketComments({ client: c, path })).response.status).toBe(404);
    expect((await createTicketComment({ client: c, path, body: { body: 'hi' } })).response.status).toBe(404);
    expect((await getTicket({ client: c, path: { id: 'not-a-uuid' } })).response.status).toBe(404);
  });

  it('lets the creator change every field', async () => {
    const other = await customerOf(creator);
    const res = await updateTicket({
      client: creator.s.client,
      path: { id: ticket.id },
      body: {
        title: 'New title',
        description: 'More',
        customerId: other.id,
        assigneeId: stranger.user.id,
        type: 'problem',
        topic: 'billing',
        priority: 'high',
        photoUrl: null,
        version: 1,
      },
    });
    expect(res.response.status).toBe(200);
    expect(res.data).toMatchObject({
      title: 'New title',
      description: 'More',
      customer: { id: other.id },
      assignee: { id: stranger.user.id },
      type: 'problem',
      topic: 'billing',
      priority: 'high',
      version: 2,
    });
  });

  it('lets the assignee change status and priority only (403 for other fields, nothing changed)', async () => {
    const ok = await updateTicket({
      client: assignee.s.client,
      path: { id: ticket.id },
      body: { status: 'pending', priority: 'high', version: 1 },
    });
    expect(ok.response.status).toBe(200);
    expect(ok.data).toMatchObject({ status: 'pending', priority: 'high', version: 2 });
    const refused = await updateTicket({
      client: assignee.s.client,
      path: { id: ticket.id },
      body: { title: 'Hijacked', priority: 'low', version: 2 },
    });
    expect(refused.response.status).toBe(403);
    expect(fields(refused.error)).toEqual(['title']);
    expect((await getTicket({ client: creator.s.client, path: { id: ticket.id } })).data).toMatchObject({
      title: ticket.title,
      priority: 'high',
      version: 2,
    });
  });

  it('refuses a stale version with 409 and changes nothing', async () => {
    await updateTicket({ client: creator.s.client, path: { id: ticket.id }, body: { title: 'First', version: 1 } });
    const stale = await updateTicket({
      client: assignee.s.client,
      path: { id: ticket.id },
      body: { priority: 'urgent', version: 1 },
    });
    expect(stale.response.status).toBe(409);
    expect((await getTicket({ client: creator.s.client, path: { id: ticket.id } })).data).toMatchObject({
      title: 'First',
      priority: 'normal',
      version: 2,
    });
  });

  it('lets only the creator delete (the assignee gets 403)', async () => {
    expect((await deleteTicket({ client: assignee.s.client, path: { id: ticket.id } })).response.status).toBe(403);
    expect((await deleteTicket({ client: creator.s.client, path: { id: ticket.id } })).response.status).toBe(204);
    expect((await getTicket({ client: creator.s.client, path: { id: ticket.id } })).response.status).toBe(404);
    expect(await eventsFor(ticket.id)).toEqual(['ticket.created', 'ticket.deleted']);
  });
});

describe('closing and reopening', () => {
  it('closes once (409 the second time), reopens, and publishes one event per transition', async () => {
    const t = await ticketBy(creator, await customerOf(creator), assignee.user);
    const closed = await closeTicket({ client: assignee.s.client, path: { id: t.id } });
    expect(closed.response.status).toBe(200);
    expect(closed.data!.status).toBe('closed');
    expect(Date.parse(closed.data!.closedAt!)).not.toBeNaN();
    const again = await closeTicket({ client: creator.s.client, path: { id: t.id } });
    expect(again.response.status).toBe(409);
    expect((again.error as { code: string }).code).toBe('TICKET_ALREADY_CLOSED');
    const reopened = await reopenTicket({ client: creator.s.client, path: { id: t.id } });
    expect(reopened.data).toMatchObject({ status: 'open', closedAt: null });
    expect((await reopenTicket({ client: creator.s.client, path: { id: t.id } })).response.status).toBe(409);
    // Closing through PATCH is the same transition and publishes the same event.
    const patched = await updateTicket({
      client: assignee.s.client,
      path: { id: t.id },
      body: { status: 'closed', version: reopened.data!.version },
    });
    expect(patched.data!.closedAt).not.toBeNull();
    expect(await eventsFor(t.id)).toEqual(['ticket.created', 'ticket.closed', 'ticket.reopened', 'ticket.closed']);
  });

  it('closes in one statement (the guarded update and its event), reading the customer once for the event and the answer', async () => {
    const c = await customerOf(creator);
    const t = await ticketBy(creator, c, assignee.user);
    server.queries.length = 0;
    const closed = await closeTicket({ client: assignee.s.client, path: { id: t.id } });
    expect(closed.data!.customer).toMatchObject({ id: c.id, name: c.name, email: c.email, deleted: false });
    const statements = server.queries.map((q) => plainStatement(q).replace(/^\[query\] /, ''));
    expect(statements.filter((q) => /from customers/.test(q))).toHaveLength(1);
    const writes = statements.filter((q) => /\b(update|insert into|delete from)\b/i.test(q));
    expect(writes).toHaveLength(1);
    expect(writes[0]).toMatch(
      /update tickets set status = .*where id = .* and version = .* returning.*insert into outbox_events.*where exists \(select 1 from change\)/s,
    );
    expect(statements.filter((q) => /^(begin|commit)\b/i.test(q))).toEqual([]);
    expect(closed.data).toMatchObject({ status: 'closed', version: 2 });
    expect(await eventsFor(t.id)).toContain('ticket.closed');
  });

  it('closes the newer state when the ticket changes between its read and its write, publishing once', async () => {
    const t = await ticketBy(creator, await customerOf(creator), assignee.user);
    // Another transaction edits the ticket and holds its row: the close reads version 1, and its
    // update guarded by version 1 waits for the row, then matches nothing once the edit commits.
    const other = new Client({ connectionString: process.env['TEST_DATABASE_URL'] });
    await other.connect();
    try {
      await other.query('begin');
      await other.query(`update tickets set priority = 'urgent', version = version + 1 where id = $1`, [t.id]);
      const closing = closeTicket({ client: assignee.s.client, path: { id: t.id } });
      await eventually(
        'the close waits for the row',
        async () =>
          (
            await db.query(
              `select 1 from pg_stat_activity where wait_event_type = 'Lock' and query like '%update tickets set status%'`,
            )
          ).rowCount! > 0,
      );
      await other.query('commit');
      const closed = await closing;
      expect(closed.response.status).toBe(200);
      expect(closed.data).toMatchObject({ status: 'closed', priority: 'urgent', version: 3 });
    } finally {
      await other.end();
    }
    expect(await eventsFor(t.id)).toEqual(['ticket.created', 'ticket.closed']);
  });

  it('publishes exactly one ticket.closed when two closes race', async () => {
    const t = await ticketBy(creator, await customerOf(creator), assignee.user);
    const results = await Promise.all([
      closeTicket({ client: creator.s.client, path: { id: t.id } }),
      closeTicket({ client: assignee.s.client, path: { id: t.id } }),
    ]);
    expect(results.map((r) => r.response.status).sort()).toEqual([200, 409]);
    expect((await eventsFor(t.id)).filter((n) => n === 'ticket.closed')).toHaveLength(1);
  });
});

describe('lists', () => {
  let a: Person;
  let b: Person;
  beforeAll(async () => {
    [a, b] = await Promise.all([person(server.baseUrl, 'boxa'), person(server.baseUrl, 'boxb')]);
  });

  it('splits outgoing (created) and incoming (assigned); all is both, without duplicates', async () => {
    const ca = await customerOf(a);
    const cb = await customerOf(b);
    const out1 = await ticketBy(a, ca, b.user, { title: 'a to b' });
    const self = await ticketBy(a, ca, a.user, { title: 'a to a' });
    const in1 = await ticketBy(b, cb, a.user, { title: 'b to a' });
    const ids = async (box: 'incoming' | 'outgoing' | 'all') =>
      (await listTickets({ client: a.s.client, query: { box, limit: 100 } })).data!.items.map((t) => t.id);
    expect(await ids('outgoing')).toEqual([self.id, out1.id]);
    expect(await ids('incoming')).toEqual([in1.id, self.id]);
    expect(await ids('all')).toEqual([in1.id, self.id, out1.id]);
    expect((await listTickets({ client: a.s.client, query: { limit: 100 } })).data!.items.map((t) => t.id)).toEqual([
      in1.id,
      self.id,
      out1.id,
    ]);
  });

  it('filters by status and answers 400 for unknown enum values', async () => {
    const p = await person(server.baseUrl, 'status');
    const c = await customerOf(p);
    const open = await ticketBy(p, c, p.user);
    const done = await ticketBy(p, c, p.user);
    await closeTicket({ client: p.s.client, path: { id: done.id } });
    expect(
      (await listTickets({ client: p.s.client, query: { status: 'closed' } })).data!.items.map((t) => t.id),
    ).toEqual([done.id]);
    expect((await listTickets({ client: p.s.client, query: { status: 'open' } })).data!.items.map((t) => t.id)).toEqual(
      [open.id],
    );
    const badBox = await listTickets({ client: p.s.client, query: { box: 'spam' as never } });
    expect(badBox.response.status).toBe(400);
    expect(fields(badBox.error)).toEqual(['box']);
    expect(fields((await listTickets({ client: p.s.client, query: { status: 'archived' as never } })).error)).toEqual([
      'status',
    ]);
  });

  it('searches title and description with full-text search (stemmed, any word order)', async () => {
    const p = await person(server.baseUrl, 'search');
    const c = await customerOf(p);
    const printer = await ticketBy(p, c, p.user, {
      title: 'Printers jammed again',
      description: 'The toner cartridge leaks',
    });
    const vpn = await ticketBy(p, c, p.user, { title: 'VPN down', description: 'Cannot reach the intranet from home' });
    const search = async (q: string) =>
      (await listTickets({ client: p.s.client, query: { q } })).data!.items.map((t) => t.id);
    expect(await search('printer')).toEqual([printer.id]);
    expect(await search('cartridge toner')).toEqual([printer.id]);
    expect(await search('intranet')).toEqual([vpn.id]);
    expect(await search('banana')).toEqual([]);
    expect((await listTickets({ client: p.s.client, query: { q: '"unbalanced & | !' } })).response.status).toBe(200);
  });

  it('finds every match, newest first and page by page, whether it is among the newest rows of a box or not', async () => {
    // A window of 3 rows: the older matches are found by the fallback to the full-text index.
    const small = await startTestServer({ TICKET_SEARCH_WINDOW: '3' });
    try {
      const p = await person(small.baseUrl, 'window');
      const q = await person(small.baseUrl, 'window2');
      const [c, cq] = await Promise.all([customerOf(p), customerOf(q)]);
      const kerberos = await ticketBy(p, c, q.user, { title: 'Kerberos login fails' });
      const printers: string[] = [];
      for (let i = 0; i < 5; i++) printers.push((await ticketBy(p, c, q.user, { title: `Printer ${i} jams` })).id);
      await ticketBy(p, c, q.user, { title: 'Projector flickers' });
      printers.push((await ticketBy(q, cq, p.user, { title: 'Printer in the lobby jams' })).id); // incoming, newest
      const walk = async (text: string, box: 'all' | 'outgoing' | 'incoming') => {
        const ids: string[] = [];
        let cursor: string | undefined;
        do {
          const page = await listTickets({ client: p.s.client, query: { q: text, box, limit: 2, cursor } });
          expect(page.response.status).toBe(200);
          ids.push(...page.data!.items.map((t) => t.id));
          cursor = page.data!.nextCursor ?? undefined;
        } while (cursor);
        return ids;
      };
      expect(await walk('kerberos', 'all')).toEqual([kerberos.id]);
      expect(await walk('printer', 'all')).toEqual([...printers].reverse());
      expect(await walk('printer', 'outgoing')).toEqual(printers.slice(0, 5).reverse());
      expect(await walk('printer', 'incoming')).toEqual([printers[5]]);
      expect(await walk('banana', 'all')).toEqual([]);
    } finally {
      await small.close();
    }
  });

  it('walks every row exactly once across pages while new tickets arrive', async () => {
    const p = await person(server.baseUrl, 'walker');
    const q = await person(server.baseUrl, 'walker2');
    const c = await customerOf(p);
    const cq = await customerOf(q);
    const existing = new Set<string>();
    for (let i = 0; i < 9; i++) existing.add((await ticketBy(i % 3 === 0 ? q : p, i % 3 === 0 ? cq : c, p.user)).id);
    const seen: string[] = [];
    let cursor: string | undefined;
    let round = 0;
    do {
      const page = await listTickets({ client: p.s.client, query: { box: 'all', limit: 2, cursor } });
      expect(page.response.status).toBe(200);
      seen.push(...page.data!.items.map((t) => t.id));
      cursor = page.data!.nextCursor ?? undefined;
      // Concurrent inserts (newer than everything already listed) must not disturb the walk.
      await Promise.all([ticketBy(p, c, q.user), ticketBy(q, cq, p.user)]);
      round++;
    } while (cursor && round < 20);
    expect(seen).toEqual([...existing].reverse());
    expect(new Set(seen).size).toBe(seen.length);
  });

  it('runs a bounded number of queries for a page, whatever its size', async () => {
    const p = await person(server.baseUrl, 'count');
    const others = await Promise.all([person(server.baseUrl, 'count1'), person(server.baseUrl, 'count2')]);
    const customers = await Promise.all([customerOf(p), customerOf(p), customerOf(p)]);
    for (let i = 0; i < 12; i++) await ticketBy(p, customers[i % 3], others[i % 2].user);
    await server.drainOutbox();
    const count = async (limit: number) => {
      server.queries.length = 0;
      const res = await listTickets({ client: p.s.client, query: { limit } });
      expect(res.data!.items).toHaveLength(limit);
      return server.queries.length;
    };
    const small = await count(1);
    const large = await count(12);
    expect(small).toBeGreaterThanOrEqual(1);
    expect(large).toBe(small);
    expect(large).toBeLessThanOrEqual(3);
  });

  it('creates a ticket and its event in one statement, reading its customer once', async () => {
    const p = await person(server.baseUrl, 'createq');
    const c = await customerOf(p);
    await ticketBy(p, c, p.user); // warms the per-instance caches (usernames)
    server.queries.length = 0;
    const t = await ticketBy(p, c, p.user);
    expect(t.customer).toMatchObject({ id: c.id, name: c.name });
    const statements = server.queries.map((q) =>
      plainStatement(q)
        .replace(/^\[query\] /, '')
        .split(' [took')[0]
        .trim(),
    );
    expect(statements.filter((q) => /from customers/.test(q))).toHaveLength(1);
    expect(statements.filter((q) => /^(begin|commit)\b/.test(q))).toEqual([]);
    expect(statements.filter((q) => /insert into tickets/.test(q))).toEqual([
      expect.stringMatching(/insert into outbox_events/),
    ]);
  });

  it('lists /users/:id/tickets: tickets created by that user that the caller may see', async () => {
    const p = await person(server.baseUrl, 'ut');
    const q = await person(server.baseUrl, 'ut2');
    const cq = await customerOf(q);
    const toP = await ticketBy(q, cq, p.user);
    await ticketBy(q, cq, q.user);
    expect(
      (await listUserTickets({ client: p.s.client, path: { id: q.user.id } })).data!.items.map((t) => t.id),
    ).toEqual([toP.id]);
    expect((await listUserTickets({ client: q.s.client, path: { id: q.user.id } })).data!.items).toHaveLength(2);
    expect((await listUserTickets({ client: stranger.s.client, path: { id: q.user.id } })).data!.items).toEqual([]);
  });
});

describe('creating tickets together (group commit)', () => {
  const statementsOf = (queries: string[]) =>
    queries.map((q) =>
      plainStatement(q)
        .replace(/^\[query\] /, '')
        .split(' [took')[0]
        .trim(),
    );
  /** Calls the service directly, all in one turn of the event loop, so the creations share a run. */
  const createAtOnce = (items: { actorId: string; fields: TicketFields }[]) => {
    const tickets = server.app.get(TicketsService);
    const orm = server.app.get(MikroORM);
    return Promise.allSettled(
      items.map((i) => RequestContext.create(orm.em, () => tickets.create(i.actorId, i.fields))),
    );
  };
  const fieldsFor = (customerId: string, assigneeId: string, title: string): TicketFields => ({
    title,
    description: 'Together',
    customerId,
    assigneeId,
    type: 'task',
    priority: 'normal',
    topic: 'general',
    photoUrl: null,
    dueAt: null,
  });

  it('writes creations that arrive together in one transaction, each ticket with its own ticket.created event', async () => {
    const c = await customerOf(creator);
    server.queries.length = 0;
    const results = await createAtOnce(
      Array.from({ length: 20 }, (_, i) => ({
        actorId: creator.user.id,
        fields: fieldsFor(c.id, assignee.user.id, `Batch ticket ${i}`),
      })),
    );
    expect(results.map((r) => r.status)).toEqual(Array(20).fill('fulfilled'));
    const created = results.map(
      (r) => (r as PromiseFulfilledResult<Awaited<ReturnType<TicketsService['create']>>>).value,
    );
    expect(created.map((t) => t.ticket.title)).toEqual(Array.from({ length: 20 }, (_, i) => `Batch ticket ${i}`));
    expect(new Set(created.map((t) => t.ticket.id)).size).toBe(20);
    // One statement wrote all twenty tickets and their events (atomic on its own: no transaction).
    const statements = statementsOf(server.queries);
    const writes = statements.filter((q) => /insert into tickets/.test(q));
    expect(writes).toHaveLength(1);
    expect(writes[0]).toMatch(/insert into outbox_events/);
    expect(statements.filter((q) => /^(begin|commit)\b/.test(q))).toEqual([]);
    const stored = await db.query<{ id: string; title: string; version: number; events: string }>(
      `select t.id, t.title, t.version, (select string_agg(name, ',') from outbox_events e where e.payload->'ticket'->>'id' = t.id::text) as events from tickets t where t.id = any($1::uuid[])`,
      [created.map((t) => t.ticket.id)],
    );
    expect(stored.rows).toHaveLength(20);
    for (const row of stored.rows) expect(row).toMatchObject({ version: 1, events: 'ticket.created' });
    const one = await getTicket({ client: assignee.s.client, path: { id: created[7].ticket.id } });
    expect(one.data).toMatchObject({
      title: 'Batch ticket 7',
      creator: { id: creator.user.id },
      customer: { id: c.id },
    });
  });

  it("answers each creation for itself: another user's customer or an unknown assignee fails alone", async () => {
    const mine = await customerOf(creator);
    const theirs = await customerOf(stranger);
    const results = await createAtOnce([
      { actorId: creator.user.id, fields: fieldsFor(mine.id, assignee.user.id, 'fine 1') },
      { actorId: creator.user.id, fields: fieldsFor(theirs.id, assignee.user.id, 'not my customer') },
      { actorId: creator.user.id, fields: fieldsFor(mine.id, '00000000-0000-4000-8000-000000000000', 'nobody') },
      { actorId: creator.user.id, fields: fieldsFor(mine.id, assignee.user.id, 'fine 2') },
    ]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'rejected', 'fulfilled']);
    expect((results[1] as PromiseRejectedResult).reason).toMatchObject({ status: 400, field: 'customerId' });
    expect((results[2] as PromiseRejectedResult).reason).toMatchObject({ status: 400, field: 'assigneeId' });
    const titles = (
      await db.query<{ title: string }>(
        `select title from tickets where creator_id = $1 and title in ('fine 1', 'fine 2', 'not my customer', 'nobody')`,
        [creator.user.id],
      )
    ).rows.map((r) => r.title);
    expect(titles.sort()).toEqual(['fine 1', 'fine 2']);
  });

  it('retries each ticket alone when the shared transaction fails, so one row PostgreSQL refuses costs only its own request', async () => {
    const c = await customerOf(creator);
    server.queries.length = 0;
    // A type outside the column's CHECK constraint (the DTO refuses it before; here it reaches the database).
    const results = await createAtOnce([
      { actorId: creator.user.id, fields: fieldsFor(c.id, assignee.user.id, 'survives 1') },
      {
        actorId: creator.user.id,
        fields: { ...fieldsFor(c.id, assignee.user.id, 'refused row'), type: 'bogus' as TicketFields['type'] },
      },
      { actorId: creator.user.id, fields: fieldsFor(c.id, assignee.user.id, 'survives 2') },
    ]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(String((results[1] as PromiseRejectedResult).reason)).toMatch(/tickets_type_check/);
    // The shared statement failed; then each ticket was written alone (three more statements).
    const statements = statementsOf(server.queries);
    expect(statements.filter((q) => /insert into tickets/.test(q))).toHaveLength(4);
    const stored = await db.query<{ title: string; events: number }>(
      `select t.title, (select count(*)::int from outbox_events e where e.payload->'ticket'->>'id' = t.id::text) as events from tickets t where t.creator_id = $1 and t.title like 'survives %' order by t.title`,
      [creator.user.id],
    );
    expect(stored.rows).toEqual([
      { title: 'survives 1', events: 1 },
      { title: 'survives 2', events: 1 },
    ]);
  });
});

describe('comments', () => {
  it('lets creator and assignee talk, oldest first, paged', async () => {
    const t = await ticketBy(creator, await customerOf(creator), assignee.user);
    const first = await createTicketComment({
      client: creator.s.client,
      path: { id: t.id },
      body: { body: 'Can you look?' },
    });
    expect(first.response.status).toBe(201);
    expect(first.data).toMatchObject({
      body: 'Can you look?',
      author: { id: creator.user.id, username: creator.user.username },
    });
    await createTicketComment({ client: assignee.s.client, path: { id: t.id }, body: { body: 'On it' } });
    await createTicketComment({ client: creator.s.client, path: { id: t.id }, body: { body: 'Thanks' } });
    const page1 = await listTicketComments({ client: assignee.s.client, path: { id: t.id }, query: { limit: 2 } });
    const page2 = await listTicketComments({
      client: assignee.s.client,
      path: { id: t.id },
      query: { limit: 2, cursor: page1.data!.nextCursor! },
    });
    expect([...page1.data!.items, ...page2.data!.items].map((c) => c.body)).toEqual([
      'Can you look?',
      'On it',
      'Thanks',
    ]);
    expect(page2.data!.nextCursor).toBeNull();
    const empty = await createTicketComment({ client: creator.s.client, path: { id: t.id }, body: { body: '' } });
    expect(empty.response.status).toBe(400);
    expect(fields(empty.error)).toEqual(['body']);
  });

  it("answers 404 to anyone else, writing nothing, and writes a reply with its event in one statement that checks the caller's right", async () => {
    const t = await ticketBy(creator, await customerOf(creator), assignee.user);
    const refused = await createTicketComment({
      client: stranger.s.client,
      path: { id: t.id },
      body: { body: 'Let me in' },
    });
    expect(refused.response.status).toBe(404);
    expect((await listTicketComments({ client: stranger.s.client, path: { id: t.id } })).response.status).toBe(404);
    expect(
      (
        await createTicketComment({
          client: creator.s.client,
          path: { id: '00000000-0000-4000-8000-000000000000' },
          body: { body: 'Nowhere' },
        })
      ).response.status,
    ).toBe(404);
    server.queries.length = 0;
    expect(
      (await createTicketComment({ client: assignee.s.client, path: { id: t.id }, body: { body: 'Allowed' } })).response
        .status,
    ).toBe(201);
    const statements = server.queries.map((q) => plainStatement(q).replace(/^\[query\] /, ''));
    expect(statements.filter((q) => /ticket_comments|^begin|^commit/.test(q))).toEqual([
      expect.stringMatching(
        /^with change as \(insert into ticket_comments .* from tickets t where t.id = .*insert into outbox_events/s,
      ),
    ]);
    const bodies = (
      await db.query<{ body: string }>('select body from ticket_comments where ticket_id = $1', [t.id])
    ).rows.map((r) => r.body);
    expect(bodies).toEqual(['Allowed']);
  });
});
