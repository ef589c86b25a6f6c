import { closeTicket, createTrigger } from '@bw/sdk';
import { ApiSession } from './support/api-session';
import { startChildServer } from './support/child-server';
import { customerOf, person, ticketBy } from './support/fixtures';
import { eventually, IsolatedDatabase, isolatedDatabase } from './support/isolated-database';
import { startTestServer } from './support/server';

jest.setTimeout(240_000);

const TICKETS = 36;
const ROUNDS = 3;

/**
 * Closes tickets with active triggers while the server process is SIGKILLed mid-flight and
 * restarted, then checks: every acknowledged close is stored, and every closed ticket has exactly
 * one message per matching trigger — none lost, none duplicated.
 */
describe('messages survive crashes', () => {
  let db: IsolatedDatabase;
  beforeAll(async () => {
    db = await isolatedDatabase();
  });
  afterAll(() => db.drop());

  it('delivers exactly one message per (trigger, close) across kills and restarts', async () => {
    // Arrange with an in-process server (dispatching off).
    const setup = await startTestServer({ DATABASE_URL: db.url });
    const owner = await person(setup.baseUrl, 'crash');
    const assignee = await person(setup.baseUrl, 'crashee');
    const toCreator = (
      await createTrigger({
        client: owner.s.client,
        body: {
          name: 'to me',
          event: 'ticket.closed',
          recipient: { kind: 'ticket_creator' },
          message: 'closed {{ticket.id}}',
        },
      })
    ).data!;
    const toAssignee = (
      await createTrigger({
        client: owner.s.client,
        body: {
          name: 'to assignee',
          event: 'ticket.closed',
          recipient: { kind: 'ticket_assignee' },
          message: 'you closed {{ticket.title}}',
        },
      })
    ).data!;
    const c = await customerOf(owner);
    const ids: string[] = [];
    for (let i = 0; i < TICKETS; i++) ids.push((await ticketBy(owner, c, assignee.user, { title: `crash ${i}` })).id);
    await setup.close();

    const acknowledged = new Set<string>();
    for (let round = 0; round < ROUNDS; round++) {
      const child = await startChildServer({ DATABASE_URL: db.url, OUTBOX_DISPATCH: 'true', OUTBOX_POLL_MS: '100' });
      // The session lives in PostgreSQL: the old cookie works against the new process.
      const s = new ApiSession(child.baseUrl);
      for (const [k, v] of owner.s.cookies) s.cookies.set(k, v);
      const open = (
        await db.query<{ id: string }>(`select id from tickets where id = any($1::uuid[]) and status <> 'closed'`, [
          ids,
        ])
      ).map((r) => r.id);
      const batch = round === ROUNDS - 1 ? open : open.slice(0, Math.ceil(open.length / 2));
      const closes = batch.map(async (id, i) => {
        await new Promise((resolve) => setTimeout(resolve, i * 15));
        const res = await closeTicket({ client: s.client, path: { id } }).catch(() => null);
        if (res?.response?.status === 200) acknowledged.add(id);
      });
      if (round < ROUNDS - 1) {
        // Kill while closes and deliveries are in flight.
        await new Promise((resolve) => setTimeout(resolve, 120 + round * 80));
        await child.kill('SIGKILL');
        await Promise.all(closes);
      } else {
        await Promise.all(closes);
        await child.kill('SIGKILL');
      }
    }
    expect(acknowledged.size).toBeGreaterThan(0);

    // Restart once more, let the outbox drain, then count.
    const final = await startTestServer({ DATABASE_URL: db.url, OUTBOX_DISPATCH: 'true', OUTBOX_POLL_MS: '100' });
    try {
      await eventually(
        'every close event delivered',
        async () => {
          const rows = await db.query<{ n: number }>(
            `select count(*)::int as n from outbox_events where name = 'ticket.closed' and status <> 'done'`,
          );
          return rows[0].n === 0;
        },
        60_000,
      );
      await final.drainOutbox();
      const closed = (
        await db.query<{ id: string }>(`select id from tickets where id = any($1::uuid[]) and status = 'closed'`, [ids])
      ).map((r) => r.id);
      for (const id of acknowledged) expect(closed).toContain(id);
      expect(closed).toHaveLength(TICKETS);
      const closeEvents = await db.query<{ n: number }>(
        `select count(*)::int as n from outbox_events where name = 'ticket.closed' and subject_id = any($1::uuid[])`,
        [ids],
      );
      expect(closeEvents[0].n).toBe(TICKETS);
      const perPair = await db.query<{ trigger_id: string; ticket_id: string; n: number }>(
        `select trigger_id, ticket_id, count(*)::int as n from messages group by trigger_id, ticket_id`,
      );
      expect(perPair.filter((r) => r.n !== 1)).toEqual([]);
      expect(
        perPair
          .filter((r) => r.trigger_id === toCreator.id)
          .map((r) => r.ticket_id)
          .sort(),
      ).toEqual([...closed].sort());
      expect(
        perPair
          .filter((r) => r.trigger_id === toAssignee.id)
          .map((r) => r.ticket_id)
          .sort(),
      ).toEqual([...closed].sort());
    } finally {
      await final.close();
    }
  });
});
