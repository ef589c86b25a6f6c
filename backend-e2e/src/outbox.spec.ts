import { closeTicket } from '@bw/sdk';
import { startChildServer } from './support/child-server';
import { customerOf, listeningTrigger, person, ticketBy } from './support/fixtures';
import { eventually, IsolatedDatabase, isolatedDatabase } from './support/isolated-database';
import { PROBE_TABLE_SQL, ProbeModule, ProbeHandler } from './support/probe.module';
import { startTestServer, TestServer } from './support/server';
import { OutboxDispatcher as OutboxDispatcherToken } from '@bw/backend/platform/outbox/outbox-dispatcher.service';

jest.setTimeout(120_000);

const effectsFor = async (db: IsolatedDatabase, ticketIds: string[]) =>
  db.query<{ event_id: string; ticket_id: string }>(
    'select event_id, ticket_id from probe_effects where ticket_id = any($1::uuid[])',
    [ticketIds],
  );
const closedEventsFor = async (db: IsolatedDatabase, ticketIds: string[]) =>
  db.query<{ id: string; status: string; attempts: number; last_error: string | null }>(
    `select id, status, attempts, last_error from outbox_events where name = 'ticket.closed' and (payload->'ticket'->>'id')::uuid = any($1::uuid[])`,
    [ticketIds],
  );

/**
 * Creates `n` tickets and closes them; returns their ids. `listened`: the closer has a trigger for
 * ticket.closed, so a server without the probe handler writes the events pending too (an event no
 * handler of the writing server may want is written already delivered).
 */
async function closeTickets(
  server: { baseUrl: string },
  n: number,
  title = 'Close me',
  listened = false,
): Promise<string[]> {
  const p = await person(server.baseUrl, 'closer');
  if (listened) await listeningTrigger(p, 'ticket.closed');
  const c = await customerOf(p);
  const ids: string[] = [];
  for (let i = 0; i < n; i++) {
    const t = await ticketBy(p, c, p.user, { title: `${title} ${i}` });
    const res = await closeTicket({ client: p.s.client, path: { id: t.id } });
    expect(res.response.status).toBe(200);
    ids.push(t.id);
  }
  return ids;
}

describe('the outbox dispatcher', () => {
  let db: IsolatedDatabase;
  const servers: TestServer[] = [];
  beforeEach(async () => {
    db = await isolatedDatabase([PROBE_TABLE_SQL]);
    ProbeHandler.deliveries.length = 0;
  });
  afterEach(async () => {
    await Promise.all(servers.splice(0).map((s) => s.close()));
    await db.drop();
  });
  const start = async (env: Record<string, string> = {}) => {
    const server = await startTestServer(
      { DATABASE_URL: db.url, OUTBOX_DISPATCH: 'true', OUTBOX_POLL_MS: '200', ...env },
      [ProbeModule],
    );
    servers.push(server);
    return server;
  };

  it('delivers every committed event to its handler once and marks it done', async () => {
    const server = await start();
    const ids = await closeTickets(server, 5);
    await eventually(
      '5 effects and 5 done events',
      async () =>
        (await effectsFor(db, ids)).length === 5 && (await closedEventsFor(db, ids)).every((e) => e.status === 'done'),
    );
    const effects = await effectsFor(db, ids);
    expect(new Set(effects.map((e) => e.ticket_id))).toEqual(new Set(ids));
  });

  it('delivers right after the commit, not at the next poll, in this instance and in another one', async () => {
    const noPolling = { OUTBOX_POLL_MS: '600000' };
    // This instance publishes and delivers: woken by its own commit.
    const server = await start(noPolling);
    const ids = await closeTickets(server, 3);
    await eventually('3 effects without polling', async () => (await effectsFor(db, ids)).length === 3, 5000);
    await server.close();
    servers.splice(servers.indexOf(server), 1);
    // A writer that does not dispatch, and a dispatcher elsewhere: woken by NOTIFY.
    const writer = await start({ ...noPolling, OUTBOX_DISPATCH: 'false' });
    await start(noPolling);
    const more = await closeTickets(writer, 3);
    await eventually(
      '3 more effects delivered by the other instance',
      async () => (await effectsFor(db, more)).length === 3,
      5000,
    );
  });

  it('retries a failing handler with backoff, then marks the event failed and visible, while others keep flowing', async () => {
    const server = await start({ OUTBOX_MAX_ATTEMPTS: '3', OUTBOX_RETRY_BASE_MS: '20' });
    const failing = await closeTickets(server, 1, 'fail-always');
    const flaky = await closeTickets(server, 1, 'fail-once');
    const healthy = await closeTickets(server, 2, 'healthy');
    await eventually(
      'the failing event to be marked failed',
      async () => (await closedEventsFor(db, failing))[0]?.status === 'failed',
    );
    const [failed] = await closedEventsFor(db, failing);
    expect(failed).toMatchObject({ status: 'failed', attempts: 3, last_error: 'probe: always failing' });
    expect(ProbeHandler.deliveries.filter((id) => id === failed.id)).toHaveLength(3);
    await eventually('the flaky and healthy events to be done', async () =>
      (await closedEventsFor(db, [...flaky, ...healthy])).every((e) => e.status === 'done'),
    );
    const [flakyEvent] = await closedEventsFor(db, flaky);
    expect(flakyEvent.attempts).toBe(2);
    expect(await effectsFor(db, [...flaky, ...healthy])).toHaveLength(3);
    expect(await effectsFor(db, failing)).toHaveLength(0);
  });

  it('with two dispatchers on one database, handles each event once', async () => {
    const first = await start();
    await start();
    const ids = await closeTickets(first, 30);
    await eventually(
      '30 done events',
      async () =>
        (await closedEventsFor(db, ids)).every((e) => e.status === 'done') && (await effectsFor(db, ids)).length >= 30,
    );
    const events = await closedEventsFor(db, ids);
    expect(events).toHaveLength(30);
    expect(await effectsFor(db, ids)).toHaveLength(30);
    // SKIP LOCKED: no event was even delivered twice.
    expect(ProbeHandler.deliveries.filter((id) => events.some((e) => e.id === id))).toHaveLength(30);
  });

  it('loses nothing when the process is killed after the commit and before dispatch, and duplicates nothing after restart', async () => {
    // The real server in its own process, with dispatching off: every close commits, nothing is delivered.
    const child = await startChildServer({ DATABASE_URL: db.url, OUTBOX_DISPATCH: 'false' });
    const baseUrl = child.baseUrl;
    try {
      const ids = await closeTickets({ baseUrl }, 10, 'Close me', true);
      await child.kill('SIGKILL');
      expect((await closedEventsFor(db, ids)).map((e) => e.status)).toEqual(Array(10).fill('pending'));

      // Restart: the committed events are delivered, once each.
      const restarted = await start();
      await eventually(
        '10 effects after restart',
        async () =>
          (await effectsFor(db, ids)).length >= 10 &&
          (await closedEventsFor(db, ids)).every((e) => e.status === 'done'),
      );
      await restarted.close();
      servers.splice(servers.indexOf(restarted), 1);

      // And another restart delivers nothing again.
      const again = await start();
      await (again.app.get(OutboxDispatcherToken) as { drainNow(): Promise<void> }).drainNow();
      expect(await effectsFor(db, ids)).toHaveLength(10);
      expect(new Set((await effectsFor(db, ids)).map((e) => e.ticket_id)).size).toBe(10);
    } finally {
      await child.kill('SIGKILL');
    }
  });
});
