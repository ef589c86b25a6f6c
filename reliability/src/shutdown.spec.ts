import {
  closeTicket,
  createCustomer,
  createTicketComment,
  getMe,
  getTicket,
  listCustomers,
  listMessages,
  updateTicket,
  type TicketDto,
} from '@bw/sdk';
import { ApiSession } from '@bw/testing/api-session';
import { ChildServer, startChildServer } from '@bw/testing/child-server';
import { customerOf, person, ticketBy } from '@bw/testing/fixtures';
import { eventually, IsolatedDatabase, isolatedDatabase } from '@bw/testing/isolated-database';
import { startTestServer } from '@bw/testing/server';
import net from 'node:net';
import { Client } from 'pg';
import { recordFigures } from './support/figures';

const DRAIN_MS = 20_000;
const STEADY_CLIENTS = 3;

jest.setTimeout(5 * 60_000);

interface Outcome {
  label: string;
  status?: number;
  error?: string;
  /** The request was sent after SIGTERM (a refused connection is then a clean answer). */
  late: boolean;
}

const transportError = (error: unknown): string => {
  const cause = (error as { cause?: { code?: string; message?: string } })?.cause;
  return `${(error as Error)?.message ?? String(error)} ${cause?.code ?? ''} ${cause?.message ?? ''}`.trim();
};

/** Runs one SDK call and records how it ended: a status (the body was read in full) or a transport error. */
async function outcome(
  label: string,
  late: boolean,
  call: () => Promise<{ response?: Response; error?: unknown }>,
): Promise<Outcome> {
  try {
    const res = await call();
    // The SDK answers a failed fetch with `error` and no `response`.
    return res.response
      ? { label, status: res.response.status, late }
      : { label, error: transportError(res.error), late };
  } catch (error) {
    return { label, error: transportError(error), late };
  }
}

function refusesConnections(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(false);
    });
    socket.once('error', (error: NodeJS.ErrnoException) => resolve(error.code === 'ECONNREFUSED'));
  });
}

/**
 * SIGTERM the API while requests are inside their handlers. A transaction of the test holds an
 * ACCESS EXCLUSIVE lock on `tickets`, so reads and writes of tickets wait in the server, visibly
 * (pg_locks), for as long as the test wants: no sleeps. Meanwhile a few clients keep calling
 * operations that do not touch tickets, over keep-alive connections. The lock is released only
 * once the server refuses new connections, i.e. while it drains.
 */
describe('shutdown: SIGTERM while requests are in flight', () => {
  let db: IsolatedDatabase;
  let child: ChildServer | undefined;
  let locker: Client | undefined;
  /** Ends the steady clients' loops (also when the test fails before it would). */
  let stopSteady = false;
  beforeAll(async () => {
    db = await isolatedDatabase();
  });
  afterAll(async () => {
    stopSteady = true;
    await locker?.end().catch(() => undefined);
    await child?.kill('SIGKILL');
    await db.drop();
  });

  it('answers every request in flight, keeps every acknowledged write, then stops the outbox and exits 0', async () => {
    const setup = await startTestServer({ DATABASE_URL: db.url });
    const owner = await person(setup.baseUrl, 'drainer');
    const customer = await customerOf(owner);
    const tickets: TicketDto[] = [];
    for (let i = 0; i < 12; i++) tickets.push(await ticketBy(owner, customer, owner.user, { title: `drain ${i}` }));
    await setup.close();

    child = await startChildServer(
      {
        DATABASE_URL: db.url,
        OUTBOX_DISPATCH: 'true',
        OUTBOX_POLL_MS: '100',
        SHUTDOWN_DRAIN_MS: String(DRAIN_MS),
        // The 12 requests held on the lock each keep a read-pool connection (the visibility check);
        // the steady clients must still get theirs, or their reads would time out as 503s.
        DB_READ_POOL_MAX: '24',
      },
      { captureStdout: true },
    );
    const port = Number(new URL(child.baseUrl).port);
    const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
      child!.process.once('exit', (code, signal) => resolve({ code, signal })),
    );
    const session = () => {
      const s = new ApiSession(child!.baseUrl);
      for (const [k, v] of owner.s.cookies) s.cookies.set(k, v); // sessions live in PostgreSQL
      return s;
    };

    // Requests that do not touch tickets, steadily, over keep-alive connections.
    let sigtermSent = false;
    const steady: Outcome[] = [];
    const createdCustomers: string[] = [];
    const steadyClient = async (n: number) => {
      const s = session();
      for (let i = 0; !stopSteady; i++) {
        const late = sigtermSent;
        const kind = (n + i) % 4;
        if (kind === 0) steady.push(await outcome('getMe', late, () => getMe({ client: s.client })));
        else if (kind === 1)
          steady.push(
            await outcome('listMessages', late, () => listMessages({ client: s.client, query: { box: 'inbox' } })),
          );
        else if (kind === 2)
          steady.push(await outcome('listCustomers', late, () => listCustomers({ client: s.client })));
        else {
          const email = `steady.${n}.${i}@example.com`;
          const result = await outcome('createCustomer', late, () =>
            createCustomer({ client: s.client, body: { name: `Steady ${n}.${i}`, email } }),
          );
          steady.push(result);
          if (result.status === 201) createdCustomers.push(email);
        }
        // Once the server is gone, calls fail at once: stop spinning.
        if (late && steady[steady.length - 1].error) break;
      }
    };
    const steadyClients = Promise.all(Array.from({ length: STEADY_CLIENTS }, (_, n) => steadyClient(n)));
    await eventually(
      'the steady clients to be served',
      async () => steady.filter((o) => o.status !== undefined && o.status < 300).length >= 20,
      30_000,
      10,
    );

    // Reads and writes of tickets that wait inside the server on the test's lock.
    locker = new Client({ connectionString: db.url });
    await locker.connect();
    await locker.query('begin');
    await locker.query('lock table tickets in access exclusive mode');
    const s = session();
    const [reads, updates, closes, comments] = [
      tickets.slice(0, 3),
      tickets.slice(3, 6),
      tickets.slice(6, 9),
      tickets.slice(9, 12),
    ];
    const blocked = [
      ...reads.map((t) => outcome('getTicket', false, () => getTicket({ client: s.client, path: { id: t.id } }))),
      ...updates.map((t) =>
        outcome('updateTicket', false, () =>
          updateTicket({
            client: s.client,
            path: { id: t.id },
            body: { title: `drained ${t.id}`, version: t.version },
          }),
        ),
      ),
      ...closes.map((t) => outcome('closeTicket', false, () => closeTicket({ client: s.client, path: { id: t.id } }))),
      ...comments.map((t) =>
        outcome('createTicketComment', false, () =>
          createTicketComment({ client: s.client, path: { id: t.id }, body: { body: `drained ${t.id}` } }),
        ),
      ),
    ];
    let settled = 0;
    const inFlight = Promise.all(blocked.map((p) => p.finally(() => settled++)));
    const waiters = async () =>
      (
        await db.query<{ n: number }>(
          `select count(*)::int as n from pg_locks where relation = 'tickets'::regclass and not granted`,
        )
      )[0].n;
    await eventually(
      `all ${blocked.length} ticket requests to wait inside the server`,
      async () => (await waiters()) >= blocked.length,
      30_000,
      10,
    );

    sigtermSent = true;
    child.process.kill('SIGTERM');
    await eventually('the server to refuse new connections', () => refusesConnections(port), 10_000, 10);
    // Still draining: the ticket requests wait on the lock, unanswered and not cut off.
    const settledWhileLocked = settled;

    await locker.query('commit');
    const results = await inFlight;
    stopSteady = true;
    await steadyClients;
    const exit = await Promise.race([
      exited,
      new Promise<never>((_, reject) =>
        setTimeout(
          () => reject(new Error(`no exit within ${DRAIN_MS + 10_000} ms of SIGTERM`)),
          DRAIN_MS + 10_000,
        ).unref(),
      ),
    ]);

    // Every request that was in flight got its whole answer.
    expect(results.filter((r) => r.error !== undefined || (r.status ?? 0) >= 300)).toEqual([]);
    expect(settledWhileLocked).toBe(0);
    // The steady ones: complete answers, never a 5xx; a failed connection only after SIGTERM (refused: not accepted).
    expect(steady.filter((o) => (o.status ?? 0) >= 500)).toEqual([]);
    expect(steady.filter((o) => o.error !== undefined && !o.late)).toEqual([]);
    expect({ ...exit, stderr: exit.code === 0 ? '' : child.stderr().slice(-2000) }).toEqual({
      code: 0,
      signal: null,
      stderr: '',
    });

    // Every acknowledged write is in the database, and the outbox delivered or kept every event.
    const rows = await db.query<{ id: string; title: string; status: string }>(
      `select id, title, status from tickets where id = any($1::uuid[])`,
      [tickets.map((t) => t.id)],
    );
    const byId = new Map(rows.map((r) => [r.id, r]));
    for (const t of updates) expect(byId.get(t.id)?.title).toBe(`drained ${t.id}`);
    for (const t of closes) expect(byId.get(t.id)?.status).toBe('closed');
    const commentRows = await db.query<{ ticket_id: string }>(
      `select ticket_id from ticket_comments where body like 'drained %'`,
    );
    expect(commentRows.map((r) => r.ticket_id).sort()).toEqual(comments.map((t) => t.id).sort());
    const stored = await db.query<{ email: string }>(`select email from customers where email = any($1::text[])`, [
      createdCustomers,
    ]);
    expect(stored.map((r) => r.email).sort()).toEqual([...createdCustomers].sort());
    expect(await db.query(`select id from outbox_events where status = 'failed'`)).toEqual([]);
    // Nothing was logged as an error (a 500, "aborted", a pool used after it closed).
    expect(
      child
        .stdout()
        .split('\n')
        .filter((line) => /"level":(50|60)/.test(line)),
    ).toEqual([]);

    recordFigures('shutdown', {
      inFlightAtSigterm: blocked.length,
      steadyRequests: steady.length,
      steadyAnsweredAfterSigterm: steady.filter((o) => o.late && o.status !== undefined).length,
      steadyRefusedAfterSigterm: steady.filter((o) => o.late && o.error !== undefined).length,
    });
  });
});
