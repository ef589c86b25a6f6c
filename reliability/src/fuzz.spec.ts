import { closeTicket, createApiToken, createMacro, createTrigger, type CreateMacroDto } from '@bw/sdk';
import fc from 'fast-check';
import { ApiSession } from '@bw/testing/api-session';
import { customerOf, person, Person, ticketBy } from '@bw/testing/fixtures';
import { eventually, IsolatedDatabase, isolatedDatabase } from '@bw/testing/isolated-database';
import { startTestServer, TestServer } from '@bw/testing/server';
import { FuzzRequest, requestsFor, takeSacrificial, World } from './support/arbitraries';
import { Operation, operations } from './support/contract';
import { recordFigures } from './support/figures';
import { LONG, setting } from './support/mode';

/**
 * Contract fuzzing: for every operation in libs/sdk/openapi.json, fast-check generates valid and
 * invalid requests from its schemas and checks the invariants:
 * - never a 5xx;
 * - every 4xx is application/problem+json with a matching `status`;
 * - invalid input is a 4xx, and a 400 names the bad field in errors[].field;
 * - valid input is never a 400, and its status is one the document declares.
 *
 * FUZZ_RUNS (total requests, default 10,000; 60,000 in long mode) and FUZZ_SEED (printed) make a run reproducible.
 */
const TOTAL = setting('FUZZ_RUNS', 10_000, 60_000);
/** CI runs one fixed seed (a red run is a real finding, reproducible as is); local and long runs draw a new one. */
const CI_SEED = 20261202;
const SEED = process.env['FUZZ_SEED']
  ? Number(process.env['FUZZ_SEED'])
  : process.env['CI'] === 'true' && !LONG
    ? CI_SEED
    : (Date.now() ^ (Math.random() * 0x7fffffff)) >>> 0;
/** Scrypt makes every login/signup cost ~0.3 s of CPU: those operations get a smaller share. */
const EXPENSIVE = new Set(['login', 'signup']);

jest.setTimeout(30 * 60_000);

const ops = operations();

async function firstChunk(res: Response): Promise<string> {
  const reader = res.body!.getReader();
  const { value } = await reader.read();
  await reader.cancel();
  return new TextDecoder().decode(value ?? new Uint8Array());
}
const runsFor = (op: Operation) => {
  const cheap = ops.filter((o) => !EXPENSIVE.has(o.operationId)).length;
  const expensiveRuns = Math.min(setting('FUZZ_EXPENSIVE_RUNS', 40, 400), Math.ceil(TOTAL / ops.length));
  return EXPENSIVE.has(op.operationId) ? expensiveRuns : Math.ceil((TOTAL - expensiveRuns * EXPENSIVE.size) / cheap);
};

describe(`contract fuzzing (FUZZ_SEED=${SEED}, FUZZ_RUNS=${TOTAL})`, () => {
  let db: IsolatedDatabase;
  let server: TestServer;
  let owner: Person;
  let world: World;
  let requests = 0;
  const statuses = new Map<number, number>();
  const timings: Record<string, number> = {};
  const failures: string[] = [];

  beforeAll(async () => {
    process.stdout.write(`[reliability] fuzz seed ${SEED} (rerun with FUZZ_SEED=${SEED})\n`);
    db = await isolatedDatabase();
    // Dispatch on (messages must exist); IP limit high (every fuzzed login comes from 127.0.0.1); the
    // per-user budget high, since one user sends 10,000 requests in well under a minute (the limiter still runs).
    server = await startTestServer({
      DATABASE_URL: db.url,
      OUTBOX_DISPATCH: 'true',
      OUTBOX_POLL_MS: '200',
      LOGIN_MAX_FAILURES_PER_IP: '1000000',
      API_RATE_LIMIT_PER_MINUTE: '1000000',
    });
    owner = await person(server.baseUrl, 'fuzz');
    const other = await person(server.baseUrl, 'fuzzmate');
    const c = () => owner.s.client;
    const customers = await Promise.all(Array.from({ length: 4 }, () => customerOf(owner)));
    const tickets = [];
    for (let i = 0; i < 8; i++) tickets.push(await ticketBy(owner, customers[i % 4], i % 2 ? other.user : owner.user));
    const macro = async (availableFor: 'personal' | 'everyone', actions: CreateMacroDto['actions']) =>
      (await createMacro({ client: c(), body: { name: `m ${Math.random()}`, availableFor, actions } })).data!.id;
    const macros = [
      await macro('personal', [{ type: 'set_priority', value: 'high' }]),
      await macro('everyone', [{ type: 'add_comment', value: 'Hi {{customer.name}}' }]),
      await macro('personal', [{ type: 'set_status', value: 'pending' }]),
    ];
    const trigger = async () =>
      (
        await createTrigger({
          client: c(),
          body: {
            name: `t ${Math.random()}`,
            event: 'ticket.closed',
            recipient: { kind: 'ticket_creator' },
            message: 'closed {{ticket.title}}',
          },
        })
      ).data!.id;
    const triggers = [await trigger(), await trigger()];
    // Messages: close two tickets with the triggers active and let the dispatcher deliver.
    for (const t of tickets.slice(0, 2)) await closeTicket({ client: c(), path: { id: t.id } });
    await eventually(
      'messages for the fuzzing user',
      async () => (await db.query(`select id from messages where receiver_id = $1`, [owner.user.id])).length >= 2,
      30_000,
    );
    const messages = (
      await db.query<{ id: string }>(`select id from messages where receiver_id = $1`, [owner.user.id])
    ).map((r) => r.id);
    const sacrificial: World['sacrificial'] = { customers: [], tickets: [], macros: [], triggers: [], tokens: [] };
    for (let i = 0; i < 25; i++) {
      sacrificial.customers.push((await customerOf(owner)).id);
      sacrificial.tickets.push((await ticketBy(owner, customers[0], owner.user)).id);
      sacrificial.macros.push(await macro('personal', [{ type: 'set_priority', value: 'low' }]));
      sacrificial.triggers.push(await trigger());
      sacrificial.tokens.push((await createApiToken({ client: c(), body: { name: `tok ${i}` } })).data!.id);
    }
    world = {
      ownUserId: owner.user.id,
      userIds: [owner.user.id, other.user.id],
      customers: customers.map((x) => x.id),
      tickets: tickets.map((t) => t.id),
      macros,
      triggers,
      messages,
      sacrificial,
      cursors: new Map(),
    };
  }, 180_000);

  afterAll(async () => {
    await server?.close();
    await db?.drop();
    recordFigures('fuzz', {
      seed: SEED,
      requests,
      operations: ops.length,
      slowestOperationsMs: Object.fromEntries(
        Object.entries(timings)
          .sort((a, b) => b[1] - a[1])
          .slice(0, 5),
      ),
      statuses: Object.fromEntries([...statuses].sort((a, b) => a[0] - b[0])),
      failures: failures.length,
    });
  });

  async function send(op: Operation, r: FuzzRequest): Promise<void> {
    let session = owner.s;
    if (r.throwaway) {
      session = new ApiSession(server.baseUrl);
      if (op.operationId === 'logout' && r.expect.kind === 'valid') {
        await session.raw('/api/auth/demo', { method: 'POST' });
        requests++;
      }
    }
    const url = r.url.replace(/sacrificial%3A(\w+)/g, (m) => takeSacrificial(decodeURIComponent(m), world));
    const res = await session.raw(url, {
      method: r.method,
      headers: r.headers,
      body: r.body,
      signal: AbortSignal.timeout(20_000),
    });
    requests++;
    statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
    // A live stream never ends: its first chunk shows it opened, then the client leaves.
    const text = (res.headers.get('content-type') ?? '').startsWith('text/event-stream')
      ? await firstChunk(res)
      : await res.text();
    const where = `${r.method} ${url.slice(0, 200)} [${r.expect.kind}: ${r.note}] -> ${res.status} ${text.slice(0, 300)}`;
    const fail = (why: string) => {
      failures.push(`${why}: ${where}`);
      throw new Error(`${why}: ${where}`);
    };

    if (res.status >= 500) fail('5xx');
    if (/scrypt\$\d+\$/.test(text) || /"passwordHash"/.test(text)) fail('a password hash in a response');
    let body: { status?: number; errors?: { field: string }[]; nextCursor?: string | null } | undefined;
    if (res.status >= 400) {
      if (!(res.headers.get('content-type') ?? '').startsWith('application/problem+json'))
        fail('a 4xx that is not application/problem+json');
      try {
        body = JSON.parse(text);
      } catch {
        fail('a problem body that is not JSON');
      }
      if (body?.status !== res.status) fail('problem.status differs from the HTTP status');
    }
    const fields = (body?.errors ?? []).map((e) => e.field);
    const names = (field: string) =>
      fields.some((f) => f === field || f.startsWith(`${field}.`) || field.startsWith(`${f}.`));
    switch (r.expect.kind) {
      case 'valid':
        if (res.status === 400) fail('a valid request answered 400');
        if (!op.responses.includes(res.status))
          fail(`status ${res.status} is not declared for ${op.operationId} (declared: ${op.responses.join(', ')})`);
        break;
      case 'invalid':
        if (res.status < 400 || res.status >= 500) fail('invalid input was not a 4xx');
        if (r.expect.statuses && !r.expect.statuses.includes(res.status))
          fail(`expected one of ${r.expect.statuses.join('/')}`);
        if (res.status === 400 && r.expect.field && !names(r.expect.field))
          fail(`the 400 does not name ${r.expect.field} (fields: ${fields.join(', ')})`);
        if (res.status === 400 && fields.length === 0) fail('a 400 without errors[]');
        break;
      case 'edge':
        if (res.status === 400 && r.expect.field && !names(r.expect.field))
          fail(`the 400 does not name ${r.expect.field} (fields: ${fields.join(', ')})`);
        break;
    }
    if (res.status === 200 && text.startsWith('{') && text.includes('"nextCursor"')) {
      const page = JSON.parse(text) as { nextCursor: string | null };
      const [key, search = ''] = url.split('?');
      const filters = Object.fromEntries(
        [...new URLSearchParams(search)].filter(([k]) => k !== 'cursor' && k !== 'limit'),
      );
      if (page.nextCursor)
        world.cursors.set(key, [...(world.cursors.get(key) ?? []).slice(-9), { filters, cursor: page.nextCursor }]);
    }
  }

  it.each(ops.map((op, i) => [op.operationId, op, i] as const))(
    '%s: never 5xx, invalid is a named 4xx, valid is never 400',
    async (_name, op, i) => {
      const seed = (SEED + i) >>> 0;
      const before = failures.length;
      const started = Date.now();
      try {
        await fc.assert(
          fc.asyncProperty(requestsFor(op, world), (r) => send(op, r)),
          // Shrinking replays requests against a changing database: keep it short.
          { seed, numRuns: runsFor(op), endOnFailure: true },
        );
        timings[op.operationId] = Date.now() - started;
      } catch (error) {
        const found = failures.slice(before);
        const detail = found.length > 0 ? found.slice(0, 3).join('\n') : (error as Error).message;
        throw new Error(
          `Reproduce with FUZZ_SEED=${SEED} FUZZ_RUNS=${TOTAL} (operation ${op.operationId}, fast-check seed ${seed})\n${detail.slice(0, 3000)}`,
        );
      }
    },
  );

  it(`sent at least FUZZ_RUNS requests`, () => {
    expect(requests).toBeGreaterThanOrEqual(TOTAL);
  });
});
