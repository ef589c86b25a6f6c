import { closeTicket, createTrigger, type TicketDto } from '@bw/sdk';
import { ApiSession } from '@bw/testing/api-session';
import { startChildServer } from '@bw/testing/child-server';
import { customerOf, person, ticketBy } from '@bw/testing/fixtures';
import { eventually, IsolatedDatabase, isolatedDatabase } from '@bw/testing/isolated-database';
import { startTestServer } from '@bw/testing/server';
import { recordFigures } from './support/figures';
import { setting } from './support/mode';

const TICKETS = setting('CRASH_TICKETS', 300, 2000);
const KILLS = setting('CRASH_KILLS', 4, 12);
const CONCURRENCY = 6;

jest.setTimeout(30 * 60_000);

const PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const;
const TOPICS = ['general', 'billing', 'technical'] as const;

/**
 * SIGKILL the API again and again while a client closes tickets that have active triggers, restart
 * it each time, then check: every acknowledged close is stored, and every closed ticket has exactly
 * one message per matching trigger (conditions honoured, inactive triggers silent) — none lost,
 * none duplicated. Generalizes backend-e2e/src/messaging-crash.spec.ts.
 */
describe('faults: the API is killed repeatedly while tickets are closed', () => {
  let db: IsolatedDatabase;
  beforeAll(async () => {
    db = await isolatedDatabase();
  });
  afterAll(() => db.drop());

  it(`closes ${TICKETS} tickets across ${KILLS} SIGKILLs with exactly one message per (matching trigger, close)`, async () => {
    const setup = await startTestServer({ DATABASE_URL: db.url });
    const owner = await person(setup.baseUrl, 'killer');
    const assignee = await person(setup.baseUrl, 'killee');
    const trig = async (who: typeof owner, body: Parameters<typeof createTrigger>[0]['body']) =>
      (await createTrigger({ client: who.s.client, body })).data!;
    const triggers = {
      toCreator: await trig(owner, {
        name: 'all closes to me',
        event: 'ticket.closed',
        recipient: { kind: 'ticket_creator' },
        message: 'closed {{ticket.id}}',
      }),
      urgentToAssignee: await trig(owner, {
        name: 'urgent to assignee',
        event: 'ticket.closed',
        recipient: { kind: 'ticket_assignee' },
        message: 'urgent {{ticket.title}}',
        conditions: { priority: ['high', 'urgent'] },
      }),
      billingFromAssignee: await trig(assignee, {
        name: 'billing to owner',
        event: 'ticket.closed',
        recipient: { kind: 'user', userId: owner.user.id },
        message: 'billing {{customer.name}}',
        conditions: { topic: ['billing'] },
      }),
      inactive: await trig(owner, {
        name: 'inactive',
        event: 'ticket.closed',
        recipient: { kind: 'ticket_creator' },
        message: 'never',
        active: false,
      }),
    };
    const c = await customerOf(owner);
    const tickets: TicketDto[] = [];
    for (let i = 0; i < TICKETS; i += CONCURRENCY) {
      const batch = Array.from({ length: Math.min(CONCURRENCY, TICKETS - i) }, (_, j) => i + j);
      tickets.push(
        ...(await Promise.all(
          batch.map((n) =>
            ticketBy(owner, c, assignee.user, {
              title: `kill ${n}`,
              priority: PRIORITIES[n % 4],
              topic: TOPICS[n % 3],
            }),
          ),
        )),
      );
    }
    await setup.close();
    const ids = tickets.map((t) => t.id);

    const acknowledged = new Set<string>();
    let requests = 0;
    let killedMidFlight = 0;
    for (let round = 0; round <= KILLS; round++) {
      const child = await startChildServer({ DATABASE_URL: db.url, OUTBOX_DISPATCH: 'true', OUTBOX_POLL_MS: '100' });
      const s = new ApiSession(child.baseUrl);
      for (const [k, v] of owner.s.cookies) s.cookies.set(k, v); // sessions live in PostgreSQL
      const open = (
        await db.query<{ id: string }>(`select id from tickets where id = any($1::uuid[]) and status <> 'closed'`, [
          ids,
        ])
      ).map((r) => r.id);
      const last = round === KILLS;
      const queue = [...open];
      let dead = false;
      const worker = async () => {
        while (!dead && queue.length > 0) {
          const id = queue.shift()!;
          requests++;
          const res = await closeTicket({ client: s.client, path: { id } }).catch(() => null);
          if (res?.response?.status === 200) acknowledged.add(id);
          else if (!res && dead) killedMidFlight++;
        }
      };
      const workers = Promise.all(Array.from({ length: CONCURRENCY }, worker));
      if (!last) {
        // Kill after a share of this round's closes, while closes and deliveries are in flight.
        const share = Math.ceil(open.length / (KILLS + 1 - round));
        await eventually(
          'a share of the closes to be sent',
          async () => open.length - queue.length >= share || queue.length === 0,
          120_000,
          10,
        );
        dead = true;
        await child.kill('SIGKILL');
        await workers;
      } else {
        await workers;
        await eventually(
          'this round to deliver its events',
          async () =>
            (await db.query<{ n: number }>(`select count(*)::int as n from outbox_events where status = 'pending'`))[0]
              .n === 0,
          120_000,
          200,
        ).catch(() => undefined);
        await child.kill('SIGKILL');
      }
    }

    // Restart once more and let the outbox drain, then count.
    const final = await startTestServer({ DATABASE_URL: db.url, OUTBOX_DISPATCH: 'true', OUTBOX_POLL_MS: '100' });
    try {
      await eventually(
        'every close event delivered',
        async () =>
          (
            await db.query<{ n: number }>(
              `select count(*)::int as n from outbox_events where name = 'ticket.closed' and status <> 'done'`,
            )
          )[0].n === 0,
        180_000,
        200,
      );
      await final.drainOutbox();
      const closed = new Set(
        (
          await db.query<{ id: string }>(`select id from tickets where id = any($1::uuid[]) and status = 'closed'`, [
            ids,
          ])
        ).map((r) => r.id),
      );
      expect([...acknowledged].filter((id) => !closed.has(id))).toEqual([]);
      expect(closed.size).toBe(TICKETS);
      expect(
        (
          await db.query<{ n: number }>(
            `select count(*)::int as n from outbox_events where name = 'ticket.closed' and subject_id = any($1::uuid[])`,
            [ids],
          )
        )[0].n,
      ).toBe(TICKETS);

      // (The seeded demo workspace has messages of its own: only this test's triggers count.)
      const messages = await db.query<{ trigger_id: string; ticket_id: string; n: number }>(
        `select trigger_id, ticket_id, count(*)::int as n from messages where trigger_id = any($1::uuid[]) group by trigger_id, ticket_id`,
        [Object.values(triggers).map((t) => t.id)],
      );
      expect(messages.filter((m) => m.n !== 1)).toEqual([]);
      const expected = new Set<string>();
      tickets.forEach((t, n) => {
        expected.add(`${triggers.toCreator.id}/${t.id}`);
        if (n % 4 >= 2) expected.add(`${triggers.urgentToAssignee.id}/${t.id}`);
        if (TOPICS[n % 3] === 'billing') expected.add(`${triggers.billingFromAssignee.id}/${t.id}`);
      });
      const actual = new Set(messages.map((m) => `${m.trigger_id}/${m.ticket_id}`));
      expect([...expected].filter((k) => !actual.has(k))).toEqual([]); // none lost
      expect([...actual].filter((k) => !expected.has(k))).toEqual([]); // none extra (inactive silent, conditions honoured)
      recordFigures('crash', {
        tickets: TICKETS,
        kills: KILLS,
        restarts: KILLS + 1,
        closeRequests: requests,
        acknowledged: acknowledged.size,
        requestsCutByKill: killedMidFlight,
        messages: messages.length,
        duplicates: 0,
      });
    } finally {
      await final.close();
    }
  });
});
