import {
  closeTicket,
  createTicketComment,
  deleteTicket,
  getTicket,
  listTicketHistory,
  reportTicketPresence,
  updateTicket,
} from '@bw/sdk';
import { Client } from 'pg';
import { ApiSession } from './support/api-session';
import { customerOf, person, Person, ticketBy } from './support/fixtures';
import { eventually } from './support/isolated-database';
import { LiveStream } from './support/live-stream';
import { startTestServer, TestServer } from './support/server';

let server: TestServer;
let other: TestServer;
let creator: Person;
let assignee: Person;
let stranger: Person;
let db: Client;
const streams: LiveStream[] = [];
const open = async (p: Person | ApiSession, lastEventId?: string, on: TestServer = server) => {
  const session = 's' in p ? p.s : p;
  const moved = new ApiSession(on.baseUrl);
  for (const [k, v] of session.cookies) moved.cookies.set(k, v);
  const stream = await LiveStream.open(moved, lastEventId);
  streams.push(stream);
  return stream;
};

beforeAll(async () => {
  const env = { LIVE_HEARTBEAT_MS: '200', PRESENCE_TTL_MS: '1000', LIVE_POLL_MS: '200' };
  [server, other] = await Promise.all([startTestServer(env), startTestServer(env)]);
  [creator, assignee, stranger] = await Promise.all([
    person(server.baseUrl, 'creator'),
    person(server.baseUrl, 'assignee'),
    person(server.baseUrl, 'stranger'),
  ]);
  db = new Client({ connectionString: process.env['TEST_DATABASE_URL'] });
  await db.connect();
});
afterEach(() => {
  for (const s of streams.splice(0)) s.close();
});
afterAll(async () => {
  await db.end();
  await Promise.all([server.close(), other.close()]);
});

describe('GET /api/events', () => {
  it('needs a caller', async () => {
    const stream = await LiveStream.open(new ApiSession(server.baseUrl));
    expect(stream.status).toBe(401);
  });

  it('streams each change of a ticket to its creator and assignee as GET /api/tickets/:id shows it, and nothing to others', async () => {
    const [mine, theirs, nobody] = await Promise.all([open(creator), open(assignee), open(stranger)]);
    const ticket = await ticketBy(creator, await customerOf(creator), assignee.user);
    await mine.until((s) => s.of('ticket.created').length === 1, 'ticket.created');
    const created = mine.of('ticket.created')[0];
    expect(created.id).toMatch(/^\d+-\d+$/);
    expect(created.data).toEqual({
      ticketId: ticket.id,
      ticket,
      actor: { id: creator.user.id, username: creator.user.username },
      at: expect.any(String),
    });

    const patched = (
      await updateTicket({ client: creator.s.client, path: { id: ticket.id }, body: { version: 1, priority: 'high' } })
    ).data!;
    await closeTicket({ client: assignee.s.client, path: { id: ticket.id } });
    await createTicketComment({ client: assignee.s.client, path: { id: ticket.id }, body: { body: 'Done.' } });
    const current = (await getTicket({ client: creator.s.client, path: { id: ticket.id } })).data!;
    for (const stream of [mine, theirs])
      await stream.until((s) => s.of('comment.created').length === 1, 'comment.created');
    for (const stream of [mine, theirs]) {
      expect(stream.events.map((e) => e.event)).toEqual([
        'ticket.created',
        'ticket.updated',
        'ticket.closed',
        'comment.created',
      ]);
      expect(stream.of('ticket.updated')[0].data['ticket']).toEqual(patched);
      expect(stream.of('ticket.closed')[0].data['ticket']).toEqual(current);
      expect(stream.of('comment.created')[0].data).toMatchObject({
        ticketId: ticket.id,
        comment: { body: 'Done.', author: { id: assignee.user.id } },
        actor: { id: assignee.user.id },
      });
    }
    await deleteTicket({ client: creator.s.client, path: { id: ticket.id } });
    await mine.until((s) => s.of('ticket.deleted').length === 1, 'ticket.deleted');
    expect(mine.of('ticket.deleted')[0].data).toEqual({
      ticketId: ticket.id,
      actor: { id: creator.user.id, username: creator.user.username },
      at: expect.any(String),
    });
    // The stranger's stream carries its own ticket, and nothing of the others'.
    await ticketBy(stranger, await customerOf(stranger), stranger.user);
    await nobody.until((s) => s.of('ticket.created').length === 1, "the stranger's own ticket");
    expect(nobody.events.map((e) => e.event)).toEqual(['ticket.created']);
  });

  it('tells an assignee who loses a ticket once, with its id only, and nothing after', async () => {
    const theirs = await open(assignee);
    const ticket = await ticketBy(creator, await customerOf(creator), assignee.user);
    await updateTicket({
      client: creator.s.client,
      path: { id: ticket.id },
      body: { version: 1, assigneeId: stranger.user.id },
    });
    await updateTicket({ client: creator.s.client, path: { id: ticket.id }, body: { version: 2, title: 'Moved on' } });
    const marker = await ticketBy(assignee, await customerOf(assignee), assignee.user);
    await theirs.until((s) => s.events.some((e) => e.data['ticketId'] === marker.id), 'the marker');
    expect(theirs.events.map((e) => [e.event, e.data['ticketId']])).toEqual([
      ['ticket.created', ticket.id],
      ['ticket.updated', ticket.id],
      ['ticket.created', marker.id],
    ]);
    expect(theirs.events[1].data).toEqual({ ticketId: ticket.id, actor: expect.any(Object), at: expect.any(String) });
  });

  it('resumes after Last-Event-ID with exactly the events missed, in order, on another instance', async () => {
    const first = await open(creator);
    const ticket = await ticketBy(creator, await customerOf(creator), assignee.user);
    await first.until((s) => s.of('ticket.created').some((e) => e.data['ticketId'] === ticket.id), 'created');
    const last = first.lastId!;
    first.close();
    await updateTicket({ client: creator.s.client, path: { id: ticket.id }, body: { version: 1, title: 'One' } });
    await updateTicket({ client: creator.s.client, path: { id: ticket.id }, body: { version: 2, title: 'Two' } });
    await closeTicket({ client: creator.s.client, path: { id: ticket.id } });
    const resumed = await open(creator, last, other);
    await resumed.until((s) => s.of('ticket.closed').length === 1, 'the close');
    await updateTicket({ client: creator.s.client, path: { id: ticket.id }, body: { version: 4, title: 'Live' } });
    await resumed.until((s) => s.of('ticket.updated').length === 3, 'the live update');
    expect(resumed.events.map((e) => [e.event, (e.data['ticket'] as { version: number }).version])).toEqual([
      ['ticket.updated', 2],
      ['ticket.updated', 3],
      ['ticket.closed', 4],
      ['ticket.updated', 5],
    ]);
    expect(new Set(resumed.events.map((e) => e.id)).size).toBe(4);
  });

  it('answers an unknown or malformed Last-Event-ID with one reset, then streams', async () => {
    for (const id of ['999999999-1', 'not-an-id']) {
      const stream = await open(creator, id);
      await stream.until((s) => s.events.length > 0, 'reset');
      expect(stream.events[0].event).toBe('reset');
      await ticketBy(creator, await customerOf(creator), creator.user);
      await stream.until((s) => s.of('ticket.created').length === 1, 'a live event after the reset');
      expect(stream.of('reset')).toHaveLength(1);
    }
  });

  it('counts its open streams in the metrics', async () => {
    const open_ = async () => {
      const text = await (await fetch(`${other.baseUrl}/api/metrics`)).text();
      return Number(/^bw_event_streams_open (\d+)$/m.exec(text)?.[1]);
    };
    const before = await open_();
    const stream = await open(stranger, undefined, other);
    await stream.until((s) => s.comments > 0, 'the stream is up');
    expect(await open_()).toBe(before + 1);
    stream.close();
    await eventually('the stream to be counted closed', async () => (await open_()) === before, 5000);
  });

  it('sends a comment line on an idle stream', async () => {
    const stream = await open(stranger);
    await stream.until((s) => s.comments >= 2, 'two heartbeats');
  });

  it('never skips a transaction that commits after a later one (the log is read below the oldest open transaction)', async () => {
    const stream = await open(creator);
    const ticket = await ticketBy(creator, await customerOf(creator), creator.user);
    await stream.until((s) => s.of('ticket.created').length === 1, 'created');
    // A transaction that takes its id first and writes its event last.
    const early = new Client({ connectionString: process.env['TEST_DATABASE_URL'] });
    await early.connect();
    await early.query('begin');
    await early.query('select pg_current_xact_id()');
    await updateTicket({ client: creator.s.client, path: { id: ticket.id }, body: { version: 1, title: 'Later' } });
    await early.query(
      `insert into outbox_events (id, name, payload, actor_id, audience, subject_id, status)
       values (gen_random_uuid(), 'comment.created', $1, $2, array[$2::uuid], $3, 'done')`,
      [
        JSON.stringify({
          ticket: { id: ticket.id },
          creator: { id: creator.user.id, username: creator.user.username },
          assignee: { id: creator.user.id, username: creator.user.username },
          actor: { id: creator.user.id, username: creator.user.username },
          comment: { id: ticket.id, body: 'early', author: { id: creator.user.id }, createdAt: ticket.createdAt },
        }),
        creator.user.id,
        ticket.id,
      ],
    );
    await early.query('commit');
    await early.end();
    await stream.until((s) => s.events.length === 3, 'both');
    expect(stream.events.map((e) => e.event)).toEqual(['ticket.created', 'comment.created', 'ticket.updated']);
  });
});

describe('presence', () => {
  it('tells the others on the ticket who is viewing or editing, on every instance, and expires', async () => {
    const ticket = await ticketBy(creator, await customerOf(creator), assignee.user);
    const theirs = await open(assignee, undefined, other);
    const mine = await open(creator);
    await theirs.until((s) => s.comments > 0, 'the stream is up');
    const report = (state: 'viewing' | 'editing' | 'left') =>
      reportTicketPresence({ client: creator.s.client, path: { id: ticket.id }, body: { state } });
    expect((await report('viewing')).response.status).toBe(204);
    await theirs.until((s) => s.of('presence').length === 1, 'viewing');
    expect(theirs.of('presence')[0]).toEqual({
      event: 'presence',
      data: { ticketId: ticket.id, user: { id: creator.user.id, username: creator.user.username }, state: 'viewing' },
    });
    await report('editing');
    await theirs.until((s) => s.of('presence').length === 2, 'editing');
    // Not reported again: it expires and everyone is told it left.
    await theirs.until((s) => s.of('presence').length === 3, 'expiry', 10_000);
    expect(theirs.of('presence').map((e) => e.data['state'])).toEqual(['viewing', 'editing', 'left']);
    expect(mine.of('presence')).toEqual([]);
    const strangers = await reportTicketPresence({
      client: stranger.s.client,
      path: { id: ticket.id },
      body: { state: 'viewing' },
    });
    expect(strangers.response.status).toBe(404);
    const bad = await reportTicketPresence({
      client: creator.s.client,
      path: { id: ticket.id },
      body: { state: 'dancing' as never },
    });
    expect(bad.response.status).toBe(400);
  });
});

describe('GET /api/tickets/:id/history', () => {
  it('lists every change once, oldest first, with who, through what and each field from → to', async () => {
    const ticket = await ticketBy(creator, await customerOf(creator), assignee.user);
    await updateTicket({
      client: creator.s.client,
      path: { id: ticket.id },
      body: { version: 1, priority: 'urgent', title: 'Renamed' },
    });
    await closeTicket({ client: assignee.s.client, path: { id: ticket.id } });
    await createTicketComment({ client: creator.s.client, path: { id: ticket.id }, body: { body: 'Thanks' } });
    const first = (await listTicketHistory({ client: creator.s.client, path: { id: ticket.id }, query: { limit: 2 } }))
      .data!;
    const rest = (
      await listTicketHistory({
        client: assignee.s.client,
        path: { id: ticket.id },
        query: { limit: 2, cursor: first.nextCursor! },
      })
    ).data!;
    expect(rest.nextCursor).toBeNull();
    const items = [...first.items, ...rest.items];
    expect(items.map((i) => i.action)).toEqual(['created', 'updated', 'closed', 'commented']);
    expect(items[1]).toMatchObject({
      actor: { id: creator.user.id, username: creator.user.username },
      via: { kind: 'user' },
      changes: [
        { field: 'title', from: ticket.title, to: 'Renamed' },
        { field: 'priority', from: 'normal', to: 'urgent' },
      ],
    });
    expect(items[2]).toMatchObject({
      actor: { id: assignee.user.id },
      changes: [{ field: 'status', from: 'open', to: 'closed' }],
    });
    const strangers = await listTicketHistory({ client: stranger.s.client, path: { id: ticket.id } });
    expect(strangers.response.status).toBe(404);
  });
  it('keeps log order where the numbers gain a digit (993 before 1003, seq 9 before 10)', async () => {
    const ticket = await ticketBy(creator, await customerOf(creator), assignee.user);
    const [created] = (
      await db.query<{ payload: unknown }>(
        `select payload from outbox_events where subject_id = $1 and name = 'ticket.created'`,
        [ticket.id],
      )
    ).rows;
    // Copies of the ticket's event at positions long committed: transactions 10^k - 7 and 10^k + 3
    // (below the current one), the second with two entries whose seq crosses 10^m.
    const [{ now }] = (await db.query<{ now: string }>(`select pg_current_xact_id()::text as now`)).rows;
    const k = Math.max(1, now.length - 2);
    const [low, high] = [10n ** BigInt(k) - 7n, 10n ** BigInt(k) + 3n];
    const [{ seq }] = (await db.query<{ seq: string }>(`select max(seq)::text as seq from outbox_events`)).rows;
    const m = BigInt(seq.length + 1);
    const insert = (tx: bigint, at: number, seqValue?: bigint) =>
      db.query(
        `insert into outbox_events (id, name, payload, actor_id, occurred_at, status, processed_at, audience, subject_id, tx, seq)
         overriding system value
         values (gen_random_uuid(), 'ticket.updated', $1, $2, now() + make_interval(secs => $3), 'done', now(), $4, $5, $6::xid8,
                 coalesce($7::bigint, nextval(pg_get_serial_sequence('outbox_events', 'seq'))))`,
        [
          JSON.stringify(created.payload),
          creator.user.id,
          at,
          [creator.user.id, assignee.user.id],
          ticket.id,
          tx.toString(),
          seqValue?.toString() ?? null,
        ],
      );
    await insert(low, 1, 10n ** m - 1n);
    await insert(high, 2, 10n ** m - 2n);
    await insert(high, 3, 10n ** m + 5n);
    const order = [`${low}-${10n ** m - 1n}`, `${high}-${10n ** m - 2n}`, `${high}-${10n ** m + 5n}`];

    const history = (await listTicketHistory({ client: creator.s.client, path: { id: ticket.id } })).data!.items;
    expect(history.map((i) => i.id).filter((id) => order.includes(id))).toEqual(order);

    // A stream resumed before them (from an entry just below) replays them in the same order.
    await insert(low - 1n, 0, 10n ** m - 3n);
    const resumed = await open(creator, `${low - 1n}-${10n ** m - 3n}`);
    await resumed.until((s) => order.every((id) => s.events.some((e) => e.id === id)), 'the copies');
    const ids = resumed.events.map((e) => e.id).filter((id) => order.includes(id!));
    expect(ids).toEqual(order);
  });
});
