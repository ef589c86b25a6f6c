import { createTrigger, listMessages } from '@bw/sdk';
import { startChildServer, type ChildServer } from '@bw/testing/child-server';
import { customerOf, person } from '@bw/testing/fixtures';
import { eventually, IsolatedDatabase, isolatedDatabase } from '@bw/testing/isolated-database';
import { setting } from './support/mode';

const TICKETS = setting('OVERDUE_TICKETS', 400, 5000);

jest.setTimeout(10 * 60_000);

/**
 * ADR 0013: two API processes run the overdue scheduler on one database; many tickets fall due at
 * once, and one process is killed (SIGKILL) while they are being published. Every ticket still gets
 * exactly one ticket.overdue, and its trigger exactly one message.
 */
describe('ticket.overdue with two instances, one killed midway', () => {
  let db: IsolatedDatabase;
  let a: ChildServer;
  let b: ChildServer;
  beforeAll(async () => {
    db = await isolatedDatabase();
    // Small batches, so both instances claim many times and the kill lands amid the claims.
    const env = {
      DATABASE_URL: db.url,
      OUTBOX_DISPATCH: 'true',
      OUTBOX_POLL_MS: '100',
      DUE_SCHEDULER: 'true',
      DUE_SCHEDULER_INTERVAL_MS: '100',
      DUE_SCHEDULER_BATCH: '20',
    };
    a = await startChildServer(env);
    b = await startChildServer(env, { captureStdout: true });
  }, 240_000);
  afterAll(async () => {
    await a?.kill('SIGKILL');
    await b?.kill('SIGKILL');
    await db?.drop();
  });

  it('publishes one ticket.overdue per ticket and one trigger message each', async () => {
    const p = await person(b.baseUrl, 'odrel');
    const customer = await customerOf(p);
    const trigger = await createTrigger({
      client: p.s.client,
      body: {
        name: 'Late',
        event: 'ticket.overdue',
        recipient: { kind: 'ticket_creator' },
        message: '{{ticket.title}} is late',
      },
    });
    expect(trigger.response.status).toBe(201);
    await db.query(
      `insert into tickets (id, creator_id, assignee_id, customer_id, title, type, priority, topic)
       select gen_random_uuid(), $1, $1, $2, 'Late ' || n, 'task', 'normal', 'general' from generate_series(1, $3::int) n`,
      [p.user.id, customer.id, TICKETS],
    );
    await db.query(`update tickets set due_at = now() + interval '1 second' where creator_id = $1`, [p.user.id]);
    const counts = async () =>
      (
        await db.query<{ events: number; tickets: number }>(
          `select count(*)::int as events, count(distinct subject_id)::int as tickets from outbox_events
            where name = 'ticket.overdue' and subject_id in (select id from tickets where creator_id = $1)`,
          [p.user.id],
        )
      )[0];
    await eventually('the first overdue events', async () => (await counts()).events > 0, 30_000, 10);
    await a.kill('SIGKILL');
    await eventually('every overdue event', async () => (await counts()).tickets === TICKETS, 120_000).catch(
      async (error: Error) => {
        throw new Error(
          `${error.message}: ${JSON.stringify(await counts())}; the survivor logged ${b.stdout().slice(-3000)}`,
        );
      },
    );
    // The demo workspace's overdue ticket is published too; only this user's tickets are counted.
    // Whatever b could still claim, it has claimed by the time every waiting ticket is marked.
    await eventually(
      'no ticket left waiting',
      async () =>
        Number(
          (
            await db.query<{ n: number }>(
              `select count(*)::int as n from ticket_overdue o join tickets t on t.id = o.ticket_id
                where t.creator_id = $1 and o.due_at is not null and o.open and not (o.due_at = any(o.published))`,
              [p.user.id],
            )
          )[0].n,
        ) === 0,
      30_000,
    );
    expect(await counts()).toEqual({ events: TICKETS, tickets: TICKETS });

    const messages = async () =>
      (
        await db.query<{ n: number; tickets: number }>(
          `select count(*)::int as n, count(distinct ticket_id)::int as tickets from messages where trigger_id = $1`,
          [trigger.data!.id],
        )
      )[0];
    await eventually('every trigger message', async () => (await messages()).tickets === TICKETS, 120_000);
    expect(await messages()).toEqual({ n: TICKETS, tickets: TICKETS });
    const inbox = await listMessages({ client: p.s.client, query: { box: 'inbox', limit: 1 } });
    expect(inbox.data!.items[0].body).toMatch(/^Late \d+ is late$/);
  });
});
