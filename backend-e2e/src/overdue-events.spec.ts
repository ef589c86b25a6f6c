import {
  closeTicket,
  createTrigger,
  deleteTicket,
  listMessages,
  listTicketHistory,
  reopenTicket,
  testTrigger,
  updateTicket,
  type CustomerDto,
  type TicketDto,
} from '@bw/sdk';
import { OverdueScheduler } from '@bw/backend/modules/tickets/application/overdue-scheduler.service';
import { Client } from 'pg';
import { customerOf, person, Person, ticketBy } from './support/fixtures';
import { eventually } from './support/isolated-database';
import { LiveStream } from './support/live-stream';
import { startTestServer, TestServer } from './support/server';

let server: TestServer;
let second: TestServer;
let db: Client;
let owner: Person;
let assignee: Person;
let customer: CustomerDto;
beforeAll(async () => {
  // Two instances, both running the scheduler and the dispatcher: each ticket.overdue comes from one.
  const env = {
    DUE_SCHEDULER: 'true',
    DUE_SCHEDULER_INTERVAL_MS: '200',
    OUTBOX_DISPATCH: 'true',
    OUTBOX_POLL_MS: '200',
  };
  [server, second] = await Promise.all([startTestServer(env), startTestServer(env)]);
  [owner, assignee] = await Promise.all([person(server.baseUrl, 'od'), person(server.baseUrl, 'od2')]);
  customer = await customerOf(owner);
  db = new Client({ connectionString: process.env['TEST_DATABASE_URL'] });
  await db.connect();
});
afterAll(async () => {
  await db.end();
  await Promise.all([server.close(), second.close()]);
});

/** The ticket.overdue events about a ticket, oldest first, with the due time each was published for. */
async function overdueEvents(ticketId: string) {
  const rows = await db.query<{ payload: { ticket: TicketDto }; actor_id: string | null }>(
    `select payload, actor_id from outbox_events where name = 'ticket.overdue' and subject_id = $1 order by occurred_at`,
    [ticketId],
  );
  return rows.rows;
}

/** A due time `ms` ahead on the database's clock (the one the scheduler decides by). */
async function dueIn(ms: number): Promise<string> {
  const { rows } = await db.query<{ at: Date }>(`select now() + make_interval(secs => $1::float8 / 1000) as at`, [ms]);
  return rows[0].at.toISOString();
}

/** Runs every instance's scheduler once more: whatever is due is published by then. */
async function tickBoth(): Promise<void> {
  await Promise.all([server.app.get(OverdueScheduler).tick(), second.app.get(OverdueScheduler).tick()]);
}

describe('ticket.overdue', () => {
  it('is published once when dueAt passes, for history, live streams and triggers; never for closed, re-dated or deleted tickets', async () => {
    const trigger = (
      await createTrigger({
        client: owner.s.client,
        body: {
          name: 'Late',
          event: 'ticket.overdue',
          recipient: { kind: 'ticket_assignee' },
          message: '"{{ticket.title}}" is overdue ({{event.name}})',
        },
      })
    ).data!;
    const stream = await LiveStream.open(assignee.s);
    const due = await dueIn(2500);
    const [late, closed, redated, deleted] = await Promise.all(
      ['Late', 'Closed', 'Redated', 'Deleted'].map((title) =>
        ticketBy(owner, customer, assignee.user, { title, dueAt: due }),
      ),
    );
    await closeTicket({ client: owner.s.client, path: { id: closed.id } });
    await updateTicket({
      client: owner.s.client,
      path: { id: redated.id },
      body: { version: redated.version, dueAt: await dueIn(3_600_000) },
    });
    await deleteTicket({ client: owner.s.client, path: { id: deleted.id } });
    // Nothing before the due time: the database's clock decides.
    const { rows } = await db.query<{ early: boolean }>(`select now() < $1::timestamptz as early`, [due]);
    if (rows[0].early) expect(await overdueEvents(late.id)).toEqual([]);

    await eventually('the overdue event', async () => (await overdueEvents(late.id)).length > 0, 10_000);
    await tickBoth();
    const events = await overdueEvents(late.id);
    expect(events.length).toBe(1);
    expect(events[0].actor_id).toBeNull();
    expect([events[0].payload.ticket.dueAt, events[0].payload.ticket.overdue]).toEqual([due, true]);
    for (const t of [closed, redated, deleted]) expect([t.title, await overdueEvents(t.id)]).toEqual([t.title, []]);

    await stream.until((s) => s.of('ticket.overdue').length > 0, 'ticket.overdue on the stream');
    const live = stream.of('ticket.overdue')[0].data as { ticketId: string; actor: unknown; ticket: TicketDto };
    expect([live.ticketId, live.actor, live.ticket.overdue, live.ticket.dueAt]).toEqual([late.id, null, true, due]);

    const history = (await listTicketHistory({ client: owner.s.client, path: { id: late.id }, query: { limit: 10 } }))
      .data!.items;
    expect(history.filter((h) => h.action === 'overdue')).toEqual([
      expect.objectContaining({ action: 'overdue', actor: null, via: { kind: 'automation' }, changes: [] }),
    ]);

    const fromTrigger = async () =>
      (await listMessages({ client: assignee.s.client, query: { box: 'inbox', limit: 100 } })).data!.items.filter(
        (m) => m.triggerId === trigger.id,
      );
    await eventually('the trigger message', async () => (await fromTrigger()).length > 0, 10_000);
    await Promise.all([server.drainOutbox(), second.drainOutbox()]);
    expect((await fromTrigger()).map((m) => [m.ticketId, m.body])).toEqual([
      [late.id, '"Late" is overdue (ticket.overdue)'],
    ]);
    stream.close();
  });

  it('is published again for a new dueAt, and not again for the same one', async () => {
    const t = await ticketBy(owner, customer, assignee.user, { dueAt: await dueIn(500) });
    await eventually('the first overdue event', async () => (await overdueEvents(t.id)).length === 1, 10_000);
    const current = (await listTicketHistory({ client: owner.s.client, path: { id: t.id }, query: { limit: 10 } }))
      .data!;
    expect(current.items.map((h) => h.action)).toEqual(['created', 'overdue']);
    const next = await dueIn(800);
    const moved = await updateTicket({
      client: owner.s.client,
      path: { id: t.id },
      body: { version: t.version, dueAt: next },
    });
    expect(moved.response.status).toBe(200);
    await eventually('the second overdue event', async () => (await overdueEvents(t.id)).length === 2, 10_000);
    // Back to the first due time: it was published for already.
    await updateTicket({
      client: owner.s.client,
      path: { id: t.id },
      body: { version: moved.data!.version, dueAt: t.dueAt },
    });
    await tickBoth();
    const events = await overdueEvents(t.id);
    expect(events.map((e) => e.payload.ticket.dueAt)).toEqual([t.dueAt, next]);
  });

  it('goes overdue at once when a ticket closed past its due time is reopened', async () => {
    const t = await ticketBy(owner, customer, assignee.user, { dueAt: await dueIn(400) });
    expect((await closeTicket({ client: owner.s.client, path: { id: t.id } })).response.status).toBe(200);
    await eventually(
      'the due time to pass',
      async () => (await db.query(`select 1 from tickets where id = $1 and due_at < now()`, [t.id])).rowCount === 1,
    );
    await tickBoth();
    expect(await overdueEvents(t.id)).toEqual([]);
    expect((await reopenTicket({ client: owner.s.client, path: { id: t.id } })).response.status).toBe(200);
    await eventually('the overdue event', async () => (await overdueEvents(t.id)).length === 1, 10_000);
    await tickBoth();
    expect((await overdueEvents(t.id)).map((e) => e.payload.ticket.status)).toEqual(['open']);
  });

  it("keeps the scheduler's state equal to a rebuild from the tickets", async () => {
    // After this file's creates, closes, re-dates and deletes: the rows the triggers kept are the
    // ones ticket_overdue_rebuild() would write, and none is left for a deleted ticket.
    const kept = async () =>
      (
        await db.query(
          `select o.ticket_id, o.due_at, o.open from ticket_overdue o
             left join tickets t on t.id = o.ticket_id
            where t.id is null or (t.creator_id = $1 and o.due_at is not null) order by o.ticket_id`,
          [owner.user.id],
        )
      ).rows;
    const fromTickets = (
      await db.query(
        `select id as ticket_id, due_at, status <> 'closed' as open from tickets
          where creator_id = $1 and due_at is not null order by id`,
        [owner.user.id],
      )
    ).rows;
    expect(fromTickets.length).toBeGreaterThanOrEqual(5);
    expect(await kept()).toEqual(fromTickets);
  });

  it('the trigger dry run works for ticket.overdue', async () => {
    const tr = (
      await createTrigger({
        client: owner.s.client,
        body: {
          name: 'Urgent late',
          event: 'ticket.overdue',
          conditions: { priority: ['urgent'] },
          recipient: { kind: 'ticket_creator' },
          message: '{{ticket.title}} is late (due {{ticket.due_at}})',
        },
      })
    ).data!;
    const urgent = await ticketBy(owner, customer, assignee.user, {
      title: 'Fire',
      priority: 'urgent',
      dueAt: '2031-01-02T03:04:00Z',
    });
    const low = await ticketBy(owner, customer, assignee.user, { title: 'Dust', priority: 'low', dueAt: null });
    const yes = (await testTrigger({ client: owner.s.client, path: { id: tr.id }, body: { ticketId: urgent.id } }))
      .data!;
    expect([yes.fires, yes.message]).toEqual([
      true,
      {
        receiver: { id: owner.user.id, username: owner.user.username },
        body: 'Fire is late (due 2 Jan 2031, 03:04 UTC)',
      },
    ]);
    const no = (await testTrigger({ client: owner.s.client, path: { id: tr.id }, body: { ticketId: low.id } })).data!;
    expect(no.fires).toBe(false);
  });
});
