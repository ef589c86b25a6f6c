import {
  bulkChangeTickets,
  closeTicket,
  createMacro,
  deleteTicket,
  getTicket,
  listTicketComments,
  listTicketHistory,
  updateTicket,
  type BulkChangeTicketsDto,
  type BulkTicketResultDto,
  type CustomerDto,
  type TicketDto,
} from '@bw/sdk';
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { ApiSession } from './support/api-session';
import { customerOf, fields, person, Person, ticketBy } from './support/fixtures';
import { plainStatement, startTestServer, TestServer } from './support/server';

let server: TestServer;
let creator: Person;
let assignee: Person;
let stranger: Person;
let customer: CustomerDto;
let db: Client;
beforeAll(async () => {
  server = await startTestServer();
  [creator, assignee, stranger] = await Promise.all([
    person(server.baseUrl, 'bcreator'),
    person(server.baseUrl, 'bassignee'),
    person(server.baseUrl, 'bstranger'),
  ]);
  customer = await customerOf(creator);
  db = new Client({ connectionString: process.env['TEST_DATABASE_URL'] });
  await db.connect();
});
afterAll(async () => {
  await db.end();
  await server.close();
});

/** A ticket of `creator`'s assigned to `assignee`, open and normal unless told. */
const ticket = (overrides: Parameters<typeof ticketBy>[3] = {}) =>
  ticketBy(creator, customer, assignee.user, overrides);
const closed = async () => {
  const t = await ticket();
  await closeTicket({ client: creator.s.client, path: { id: t.id } });
  return t;
};

async function bulk(p: Person, body: BulkChangeTicketsDto): Promise<BulkTicketResultDto[]> {
  const res = await bulkChangeTickets({ client: p.s.client, body });
  if (res.response.status !== 200) throw new Error(`bulk: ${res.response.status} ${JSON.stringify(res.error)}`);
  return res.data!.results;
}

/** The events a ticket's changes wrote, oldest first, with through what they were made. */
const eventsFor = async (ticketId: string) =>
  (
    await db.query<{ name: string; via: { kind: string } | null }>(
      `select name, payload->'via' as via from outbox_events where payload->'ticket'->>'id' = $1 order by occurred_at, id`,
      [ticketId],
    )
  ).rows.map((r) => `${r.name}${r.via ? ` via ${r.via.kind}` : ''}`);

const history = async (id: string) =>
  (await listTicketHistory({ client: creator.s.client, path: { id }, query: { limit: 100 } })).data!.items;

describe('bulk close and reopen', () => {
  it('answers one result per id in the request order: changed, foreign 404, closed 409, unknown 404', async () => {
    const [open, foreign, done] = await Promise.all([
      ticket(),
      ticketBy(stranger, await customerOf(stranger), stranger.user),
      closed(),
    ]);
    const unknown = randomUUID();
    const results = await bulk(creator, { ids: [open.id, foreign.id, done.id, unknown], action: { type: 'close' } });

    expect(results.map((r) => [r.id, r.status])).toEqual([
      [open.id, 200],
      [foreign.id, 404],
      [done.id, 409],
      [unknown, 404],
    ]);
    expect(results[0].ticket).toMatchObject({
      id: open.id,
      status: 'closed',
      version: open.version + 1,
      creator: { id: creator.user.id },
      customer: { id: customer.id, name: customer.name },
    });
    expect(results[0].ticket!.closedAt).not.toBeNull();
    expect(results[0].problem).toBeUndefined();
    // The failures carry exactly the problem the single operation answers, and no ticket.
    const single = await closeTicket({ client: creator.s.client, path: { id: done.id } });
    expect(results[2].problem).toEqual(single.error);
    expect(results[2].problem).toMatchObject({ status: 409, code: 'TICKET_ALREADY_CLOSED' });
    expect(results[1].problem).toEqual(
      (await closeTicket({ client: creator.s.client, path: { id: foreign.id } })).error,
    );
    expect(results[1].problem).toMatchObject({ status: 404, code: 'NOT_FOUND' });
    expect(results.slice(1).every((r) => r.ticket === undefined)).toBe(true);

    // The change was published as a close always is, named a bulk change; nothing for the others.
    expect(await eventsFor(open.id)).toEqual(['ticket.created via user', 'ticket.closed via bulk']);
    expect(await eventsFor(done.id)).toEqual(['ticket.created via user', 'ticket.closed via user']);
    expect(await eventsFor(foreign.id)).toEqual(['ticket.created via user']);
    expect((await getTicket({ client: stranger.s.client, path: { id: foreign.id } })).data!.status).toBe('open');
    expect((await history(open.id)).at(-1)).toMatchObject({
      action: 'closed',
      actor: { id: creator.user.id, username: creator.user.username },
      via: { kind: 'bulk' },
      changes: [{ field: 'status', from: 'open', to: 'closed' }],
    });
  });

  it('reopens closed tickets and answers 409 for one that is not closed', async () => {
    const [done, open] = await Promise.all([closed(), ticket()]);
    const results = await bulk(assignee, { ids: [done.id, open.id], action: { type: 'reopen' } });
    expect(results.map((r) => r.status)).toEqual([200, 409]);
    expect(results[0].ticket).toMatchObject({ status: 'open', closedAt: null });
    expect(results[1].problem).toMatchObject({ code: 'TICKET_NOT_CLOSED' });
    expect(await eventsFor(done.id)).toEqual([
      'ticket.created via user',
      'ticket.closed via user',
      'ticket.reopened via bulk',
    ]);
    expect((await history(done.id)).at(-1)).toMatchObject({
      action: 'reopened',
      actor: { id: assignee.user.id },
      via: { kind: 'bulk' },
    });
  });

  it('writes one event per changed ticket, each in its own transaction, and answers in the ids order', async () => {
    // More tickets than are changed at a time, every third one already closed.
    const tickets = await Promise.all(Array.from({ length: 12 }, (_, i) => (i % 3 === 2 ? closed() : ticket())));
    const results = await bulk(creator, { ids: tickets.map((t) => t.id), action: { type: 'close' } });
    expect(results.map((r) => [r.id, r.status])).toEqual(tickets.map((t, i) => [t.id, i % 3 === 2 ? 409 : 200]));
    const changed = tickets.filter((_, i) => i % 3 !== 2);
    for (const t of changed)
      expect(await eventsFor(t.id)).toEqual(['ticket.created via user', 'ticket.closed via bulk']);
    const { rows } = await db.query<{ xid: string }>(
      `select distinct tx::text as xid from outbox_events where name = 'ticket.closed' and payload->'via'->>'kind' = 'bulk' and payload->'ticket'->>'id' = any($1)`,
      [changed.map((t) => t.id)],
    );
    expect(rows).toHaveLength(changed.length);
  });
});

describe('bulk edits', () => {
  it('sets the priority as PATCH does: changed, unchanged without an event, and the assignee may', async () => {
    const [normal, high] = await Promise.all([ticket(), ticket({ priority: 'high' })]);
    const results = await bulk(assignee, {
      ids: [normal.id, high.id],
      action: { type: 'set_priority', value: 'high' },
    });
    expect(results.map((r) => [r.status, r.ticket?.priority, r.ticket?.version])).toEqual([
      [200, 'high', normal.version + 1],
      [200, 'high', high.version],
    ]);
    expect(await eventsFor(normal.id)).toEqual(['ticket.created via user', 'ticket.updated via bulk']);
    expect(await eventsFor(high.id)).toEqual(['ticket.created via user']);
    expect((await history(normal.id)).at(-1)).toMatchObject({
      action: 'updated',
      via: { kind: 'bulk' },
      changes: [{ field: 'priority', from: 'normal', to: 'high' }],
    });
  });

  it('sets the status: pending is ticket.updated, closed is ticket.closed, as PATCH publishes them', async () => {
    const [a, b] = await Promise.all([ticket(), ticket()]);
    const pending = await bulk(creator, { ids: [a.id], action: { type: 'set_status', value: 'pending' } });
    const close = await bulk(creator, { ids: [a.id, b.id], action: { type: 'set_status', value: 'closed' } });
    expect(pending[0]).toMatchObject({ status: 200, ticket: { status: 'pending' } });
    expect(close.map((r) => [r.status, r.ticket?.status])).toEqual([
      [200, 'closed'],
      [200, 'closed'],
    ]);
    expect(await eventsFor(a.id)).toEqual([
      'ticket.created via user',
      'ticket.updated via bulk',
      'ticket.closed via bulk',
    ]);
    expect(await eventsFor(b.id)).toEqual(['ticket.created via user', 'ticket.closed via bulk']);
  });

  it("sets the assignee for the creator, and answers the assignee's 403 as PATCH does", async () => {
    const [mine, theirs] = await Promise.all([ticket(), ticketBy(assignee, await customerOf(assignee), assignee.user)]);
    const results = await bulk(assignee, {
      ids: [mine.id, theirs.id],
      action: { type: 'set_assignee', value: stranger.user.id },
    });
    expect(results.map((r) => r.status)).toEqual([403, 200]);
    const single = await updateTicket({
      client: assignee.s.client,
      path: { id: mine.id },
      body: { assigneeId: stranger.user.id, version: mine.version },
    });
    expect(results[0].problem).toEqual(single.error);
    expect(fields(results[0].problem)).toEqual(['assigneeId']);
    expect(results[1].ticket).toMatchObject({ assignee: { id: stranger.user.id, username: stranger.user.username } });
    expect((await getTicket({ client: creator.s.client, path: { id: mine.id } })).data!.assignee.id).toBe(
      assignee.user.id,
    );

    const byCreator = await bulk(creator, {
      ids: [mine.id],
      action: { type: 'set_assignee', value: stranger.user.id },
    });
    expect(byCreator[0]).toMatchObject({ status: 200, ticket: { assignee: { id: stranger.user.id } } });
    expect(await eventsFor(mine.id)).toEqual(['ticket.created via user', 'ticket.updated via bulk']);
    // The former assignee no longer sees it: a bulk change by them now finds nothing.
    const after = await bulk(assignee, { ids: [mine.id], action: { type: 'close' } });
    expect(after[0].status).toBe(404);
  });
});

describe('bulk macro application', () => {
  it("applies every action of the macro to each ticket in its own transaction, the assignee's 403 included", async () => {
    const macro = (
      await createMacro({
        client: creator.s.client,
        body: {
          name: 'Escalate',
          availableFor: 'everyone',
          actions: [
            { type: 'set_priority', value: 'urgent' },
            { type: 'add_comment', value: 'Escalated "{{ticket.title}}" for {{customer.name}}' },
          ],
        },
      })
    ).data!;
    const retype = (
      await createMacro({
        client: assignee.s.client,
        body: { name: 'Retype', availableFor: 'personal', actions: [{ type: 'set_type', value: 'incident' }] },
      })
    ).data!;
    const [a, b] = await Promise.all([ticket(), ticket()]);

    const results = await bulk(creator, { ids: [a.id, b.id], action: { type: 'apply_macro', value: macro.id } });
    expect(results.map((r) => [r.status, r.ticket?.priority])).toEqual([
      [200, 'urgent'],
      [200, 'urgent'],
    ]);
    for (const t of [a, b]) {
      const comments = (await listTicketComments({ client: creator.s.client, path: { id: t.id } })).data!.items;
      expect(comments.map((c) => c.body)).toEqual([`Escalated "${t.title}" for ${customer.name}`]);
      expect(await eventsFor(t.id)).toEqual(['ticket.created via user', 'ticket.updated via bulk']);
    }

    const denied = await bulk(assignee, { ids: [a.id], action: { type: 'apply_macro', value: retype.id } });
    expect(denied[0]).toMatchObject({ status: 403, problem: { code: 'ASSIGNEE_MAY_ONLY_CHANGE_STATUS_AND_PRIORITY' } });
    expect(fields(denied[0].problem)).toEqual(['actions.0.type']);
    expect((await getTicket({ client: creator.s.client, path: { id: a.id } })).data!.type).toBe('question');
  });

  it("refuses the whole request for a macro the caller may not use (someone else's personal one)", async () => {
    const personal = (
      await createMacro({
        client: stranger.s.client,
        body: { name: 'Mine', availableFor: 'personal', actions: [{ type: 'set_priority', value: 'low' }] },
      })
    ).data!;
    const t = await ticket();
    for (const value of [personal.id, randomUUID()]) {
      const res = await bulkChangeTickets({
        client: creator.s.client,
        body: { ids: [t.id], action: { type: 'apply_macro', value } },
      });
      expect(res.response.status).toBe(400);
      expect(fields(res.error)).toEqual(['action.value']);
    }
    expect((await getTicket({ client: creator.s.client, path: { id: t.id } })).data!.version).toBe(t.version);
  });
});

describe('bulk deletion', () => {
  it('deletes for the creator (204, no ticket) and answers the assignee 403 as DELETE does', async () => {
    const [a, b] = await Promise.all([ticket(), ticket()]);
    const denied = await bulk(assignee, { ids: [a.id], action: { type: 'delete' } });
    expect(denied[0]).toEqual({
      id: a.id,
      status: 403,
      problem: (await deleteTicket({ client: assignee.s.client, path: { id: a.id } })).error,
    });
    expect(denied[0].problem).toMatchObject({ code: 'ONLY_CREATOR_MAY_DELETE' });

    const results = await bulk(creator, { ids: [a.id, b.id], action: { type: 'delete' } });
    expect(results).toEqual([
      { id: a.id, status: 204 },
      { id: b.id, status: 204 },
    ]);
    for (const t of [a, b]) {
      expect((await getTicket({ client: creator.s.client, path: { id: t.id } })).response.status).toBe(404);
      expect(await eventsFor(t.id)).toEqual(['ticket.created via user', 'ticket.deleted via bulk']);
    }
    const again = await bulk(creator, { ids: [a.id], action: { type: 'delete' } });
    expect(again[0]).toMatchObject({ status: 404, problem: { code: 'NOT_FOUND' } });
  });
});

describe('bulk request validation and authorization', () => {
  const send = (p: Person, body: unknown) =>
    p.s.raw('/api/tickets/bulk', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });

  it.each<[string, (id: string) => unknown, string[]]>([
    ['no ids', () => ({ ids: [], action: { type: 'close' } }), ['ids']],
    ['101 ids', () => ({ ids: Array.from({ length: 101 }, () => randomUUID()), action: { type: 'close' } }), ['ids']],
    ['an id twice', (id) => ({ ids: [id, id], action: { type: 'close' } }), ['ids']],
    ['an id twice in two cases', (id) => ({ ids: [id, id.toUpperCase()], action: { type: 'close' } }), ['ids']],
    ['a non-id', (id) => ({ ids: [id, 'ticket-1'], action: { type: 'close' } }), ['ids']],
    ['ids not an array', (id) => ({ ids: id, action: { type: 'close' } }), ['ids']],
    ['no action', (id) => ({ ids: [id] }), ['action']],
    ['an unknown action type', (id) => ({ ids: [id], action: { type: 'explode' } }), ['action.type']],
    ['set_priority without a value', (id) => ({ ids: [id], action: { type: 'set_priority' } }), ['action.value']],
    ['an unknown priority', (id) => ({ ids: [id], action: { type: 'set_priority', value: 'asap' } }), ['action.value']],
    ['an unknown status', (id) => ({ ids: [id], action: { type: 'set_status', value: 'done' } }), ['action.value']],
    ['a value for close', (id) => ({ ids: [id], action: { type: 'close', value: 'now' } }), ['action.value']],
    ['a non-id assignee', (id) => ({ ids: [id], action: { type: 'set_assignee', value: 'bob' } }), ['action.value']],
    [
      'an assignee who does not exist',
      (id) => ({ ids: [id], action: { type: 'set_assignee', value: randomUUID() } }),
      ['action.value'],
    ],
    ['a non-id macro', (id) => ({ ids: [id], action: { type: 'apply_macro', value: 42 } }), ['action.value']],
    ['an unknown field', (id) => ({ ids: [id], action: { type: 'close' }, force: true }), ['force']],
    ['an unknown action field', (id) => ({ ids: [id], action: { type: 'close', when: 'now' } }), ['action.when']],
  ])('refuses %s as a 400 naming the field, and changes nothing', async (_, body, named) => {
    const t = await ticket();
    const res = await send(creator, body(t.id));
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(fields(await res.json())).toEqual(named);
    expect(await eventsFor(t.id)).toEqual(['ticket.created via user']);
  });

  it('answers 401 without a session and changes nothing', async () => {
    const t = await ticket();
    const res = await bulkChangeTickets({
      client: new ApiSession(server.baseUrl).client,
      body: { ids: [t.id], action: { type: 'close' } },
    });
    expect(res.response.status).toBe(401);
    expect((await getTicket({ client: creator.s.client, path: { id: t.id } })).data!.status).toBe('open');
  });

  it("answers 404 for every ticket of another user's, whatever the action, and changes none", async () => {
    const theirs: TicketDto[] = await Promise.all([ticket(), ticket()]);
    const ids = theirs.map((t) => t.id);
    for (const action of [
      { type: 'close' },
      { type: 'set_priority', value: 'low' },
      { type: 'set_assignee', value: stranger.user.id },
      { type: 'delete' },
    ] as BulkChangeTicketsDto['action'][]) {
      const results = await bulk(stranger, { ids, action });
      expect(results.map((r) => [r.id, r.status, r.problem?.code])).toEqual(ids.map((id) => [id, 404, 'NOT_FOUND']));
    }
    for (const t of theirs) expect(await eventsFor(t.id)).toEqual(['ticket.created via user']);
  });
});

describe('bulk changes with Idempotency-Key', () => {
  const withKey = (p: Person, body: BulkChangeTicketsDto, key: string) =>
    bulkChangeTickets({ client: p.s.client, body, headers: { 'idempotency-key': key } });

  it('replays the first answer to a retry and applies nothing twice; another body is 422', async () => {
    const [a, b] = await Promise.all([ticket(), ticket()]);
    const body: BulkChangeTicketsDto = { ids: [a.id, b.id], action: { type: 'close' } };
    const key = randomUUID();
    const first = await withKey(creator, body, key);
    const again = await withKey(creator, body, key);
    expect(first.response.status).toBe(200);
    expect(first.response.headers.get('idempotent-replayed')).toBeNull();
    expect(first.response.headers.get('location')).toBeNull();
    expect(again.response.status).toBe(200);
    expect(again.response.headers.get('idempotent-replayed')).toBe('true');
    // Without the key the retry would have answered two 409s: it got the first answer.
    expect(again.data).toEqual(first.data);
    expect(again.data!.results.map((r) => r.status)).toEqual([200, 200]);
    for (const t of [a, b])
      expect(await eventsFor(t.id)).toEqual(['ticket.created via user', 'ticket.closed via bulk']);

    const other = await withKey(creator, { ids: [a.id], action: { type: 'reopen' } }, key);
    expect(other.response.status).toBe(422);
    expect((await getTicket({ client: creator.s.client, path: { id: a.id } })).data!.status).toBe('closed');
  });
});

describe('bulk statements', () => {
  /** The statements a bulk close of `n` fresh tickets runs. */
  async function statementsOfClosing(n: number): Promise<string[]> {
    const tickets = await Promise.all(Array.from({ length: n }, () => ticket()));
    server.queries.length = 0;
    const results = await bulk(creator, { ids: tickets.map((t) => t.id), action: { type: 'close' } });
    expect(results.every((r) => r.status === 200)).toBe(true);
    return server.queries.map((q) => plainStatement(q).replace(/^\[query\] /, ''));
  }

  it('closes each ticket with a fixed number of statements (its read, its snapshot, its write), not more per ticket', async () => {
    const five = await statementsOfClosing(5);
    const ten = await statementsOfClosing(10);
    const writes = (s: string[]) => s.filter((q) => /^(with|update)\b/i.test(q) && /update tickets/i.test(q));
    expect(writes(five)).toHaveLength(5);
    expect(writes(ten)).toHaveLength(10);
    // Each ticket costs what a single close costs: the ticket's read, its snapshot's customer
    // (the users' names are cached per request) and its write, which is its own transaction (no
    // begin/commit). The answer's names add at most a constant, never a statement per ticket.
    expect(ten.length - five.length).toBe(5 * 3);
    expect(five.length).toBeLessThanOrEqual(5 * 3 + 2);
    expect(ten.filter((q) => /^(begin|commit)\b/i.test(q))).toEqual([]);
  });
});
