import { closeTicket } from '@bw/sdk';
import { customerOf, person, ticketBy } from '@bw/testing/fixtures';
import { eventually, IsolatedDatabase, isolatedDatabase } from '@bw/testing/isolated-database';
import { PROBE_TABLE_SQL, ProbeHandler, ProbeModule } from '@bw/testing/probe.module';
import { startTestServer } from '@bw/testing/server';
import { recordFigures } from './support/figures';
import { setting } from './support/mode';

const EVENTS = setting('HANDLER_EVENTS', 120, 900);
const MAX_ATTEMPTS = 3;

jest.setTimeout(10 * 60_000);

/**
 * A handler full of failures: a third of the events always fail, a third fail once. Every failing
 * event is retried, then marked failed with its error (visible in outbox_events); the flaky ones
 * succeed on retry; the healthy ones keep flowing meanwhile — one effect each, none duplicated.
 */
describe('faults: a handler that fails a lot', () => {
  let db: IsolatedDatabase;
  beforeAll(async () => {
    db = await isolatedDatabase([PROBE_TABLE_SQL]);
    ProbeHandler.deliveries.length = 0;
  });
  afterAll(() => db.drop());

  it(`retries, marks failed and visible, and keeps the rest flowing (${EVENTS} events)`, async () => {
    const server = await startTestServer(
      {
        DATABASE_URL: db.url,
        OUTBOX_DISPATCH: 'true',
        OUTBOX_POLL_MS: '100',
        OUTBOX_MAX_ATTEMPTS: String(MAX_ATTEMPTS),
        OUTBOX_RETRY_BASE_MS: '50',
      },
      [ProbeModule],
    );
    try {
      const p = await person(server.baseUrl, 'flaky');
      const c = await customerOf(p);
      const kinds = ['fail-always', 'fail-once', 'healthy'] as const;
      const ids: Record<(typeof kinds)[number], string[]> = { 'fail-always': [], 'fail-once': [], healthy: [] };
      const started = Date.now();
      for (let i = 0; i < EVENTS; i++) {
        const kind = kinds[i % 3];
        const t = await ticketBy(p, c, p.user, { title: `${kind} ${i}` });
        expect((await closeTicket({ client: p.s.client, path: { id: t.id } })).response.status).toBe(200);
        ids[kind].push(t.id);
      }
      const events = (ticketIds: string[]) =>
        db.query<{ id: string; status: string; attempts: number; last_error: string | null }>(
          `select id, status, attempts, last_error from outbox_events where name = 'ticket.closed' and (payload->'ticket'->>'id')::uuid = any($1::uuid[])`,
          [ticketIds],
        );
      const effects = (ticketIds: string[]) =>
        db.query<{ event_id: string; ticket_id: string }>(
          'select event_id, ticket_id from probe_effects where ticket_id = any($1::uuid[])',
          [ticketIds],
        );

      await eventually(
        'the healthy and flaky events to be done',
        async () => (await events([...ids.healthy, ...ids['fail-once']])).every((e) => e.status === 'done'),
        120_000,
        200,
      );
      const flowing = Date.now() - started;
      await eventually(
        'the failing events to be marked failed',
        async () => (await events(ids['fail-always'])).every((e) => e.status === 'failed'),
        120_000,
        200,
      );

      const failed = await events(ids['fail-always']);
      expect(failed).toHaveLength(ids['fail-always'].length);
      for (const e of failed)
        expect(e).toMatchObject({ status: 'failed', attempts: MAX_ATTEMPTS, last_error: 'probe: always failing' });
      for (const e of failed) expect(ProbeHandler.deliveries.filter((id) => id === e.id)).toHaveLength(MAX_ATTEMPTS);
      const flaky = await events(ids['fail-once']);
      expect(flaky.map((e) => e.attempts)).toEqual(flaky.map(() => 2));
      expect(await effects(ids['fail-always'])).toHaveLength(0);
      const good = await effects([...ids.healthy, ...ids['fail-once']]);
      expect(good).toHaveLength(ids.healthy.length + ids['fail-once'].length);
      expect(new Set(good.map((e) => e.ticket_id)).size).toBe(good.length);
      // Failed events are visible to an operator: a query away, with the error.
      const visible = await db.query<{ n: number }>(
        `select count(*)::int as n from outbox_events where status = 'failed' and last_error is not null`,
      );
      expect(visible[0].n).toBe(ids['fail-always'].length);
      recordFigures('handler-failures', {
        events: EVENTS,
        failedAfterRetries: failed.length,
        succeededOnRetry: flaky.length,
        healthy: ids.healthy.length,
        deliveries: ProbeHandler.deliveries.length,
        msUntilHealthyDone: flowing,
      });
    } finally {
      await server.close();
    }
  });
});
