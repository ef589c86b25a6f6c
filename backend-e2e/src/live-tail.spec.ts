import { loadConfig } from '@bw/backend/config/app-config';
import type { DatabasePools } from '@bw/backend/platform/database/pools';
import { LiveHub } from '@bw/backend/platform/live/live-hub.service';
import { LiveViews } from '@bw/backend/platform/live/live-views';
import { randomUUID } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import { PassThrough } from 'node:stream';
import { Pool } from 'pg';
import { eventually, IsolatedDatabase, isolatedDatabase } from './support/isolated-database';

// The live hub's tail reads payloads only for the users with a stream open on the instance, and
// with no stream open it moves past the entries without reading them (ADR 0012). Here one of its
// statements is held after the database answered, so a stream can open in between,
// deterministically: the stream must still get its entry whole.

/** The tail's two statements: a read of the entries, and the move past them with no stream open. */
type Kind = 'read' | 'skip';
const kindOf = (text: string): Kind | undefined =>
  text.includes(' as wanted') ? 'read' : text.includes('.tx desc') ? 'skip' : undefined;

interface TailStatement {
  kind: Kind;
  rows: { wanted?: boolean; payload?: unknown }[];
}

let db: IsolatedDatabase;
let pool: Pool;
let hub: LiveHub;
/** The next statement of `kind` that returns rows is held until `release` is called; `arrived` resolves with it once the database answered. */
let hold: { kind: Kind; arrived: (statement: TailStatement) => void; released: Promise<void> } | undefined;
/** Lets a held statement go; called again after the test so a failed assertion cannot leave the tail waiting. */
let release: () => void = () => undefined;
/** Every tail statement so far, in order. */
const seen: TailStatement[] = [];

beforeAll(async () => {
  db = await isolatedDatabase();
  pool = new Pool({ connectionString: db.url, max: 2 });
  const gated = {
    query: async (text: string, values?: unknown[]) => {
      const result = await pool.query(text, values);
      const kind = kindOf(text);
      if (kind) seen.push({ kind, rows: result.rows });
      const held = hold;
      // A statement can come back empty while another transaction of the cluster holds the entry
      // back (ADR 0012); the tail retries it, and the first one that has the entry is the one held.
      if (held && kind === held.kind && result.rows.length > 0) {
        hold = undefined;
        held.arrived({ kind, rows: result.rows });
        await held.released;
      }
      return result;
    },
    end: () => Promise.resolve(),
  };
  const pools = { open: () => gated, listen: () => Promise.resolve(() => undefined) };
  const config = loadConfig({
    DATABASE_URL: db.url,
    SESSION_SECRET: 'x'.repeat(32),
    // No poll within the test and no NOTIFY: the test alone decides when the tail reads.
    LIVE_POLL_MS: '600000',
    LIVE_HEARTBEAT_MS: '60000',
  });
  const views = new LiveViews();
  views.register(['test.event'], (entry) => ({ payload: entry.payload }));
  hub = new LiveHub(config, pools as unknown as DatabasePools, views);
  await hub.onApplicationBootstrap();
});

afterEach(async () => {
  release();
  for (const sink of sinks.splice(0)) sink.close();
  await eventually('every stream closed', () => Promise.resolve(hub.openStreams === 0));
});

afterAll(async () => {
  await hub?.onApplicationShutdown();
  await pool?.end();
  await db?.drop();
});

interface Sink {
  raw: ServerResponse;
  text: () => string;
  close: () => void;
}
const sinks: Sink[] = [];

function responseSink(): Sink {
  const stream = new PassThrough();
  let text = '';
  stream.on('data', (chunk: Buffer) => (text += chunk.toString()));
  const sink = { raw: stream as unknown as ServerResponse, text: () => text, close: () => stream.destroy() };
  sinks.push(sink);
  return sink;
}

/** The next tail statement of `kind` that returns rows, held until `release()`. */
function holdNext(kind: Kind): () => TailStatement | undefined {
  const released = new Promise<void>((resolve) => (release = resolve));
  let statement: TailStatement | undefined;
  void new Promise<TailStatement>((arrived) => (hold = { kind, arrived, released })).then((s) => (statement = s));
  return () => statement;
}

const insertEntry = (reader: string, n: number) =>
  db.query(`insert into outbox_events (id, name, payload, audience) values ($1, 'test.event', $2, $3)`, [
    randomUUID(),
    JSON.stringify({ n }),
    [reader],
  ]);

it('reads no payload for a user without a stream, and gives a stream that opened meanwhile its entry whole', async () => {
  const reader = randomUUID();
  // Another user's stream is open here, so the tail reads the entries (for that user's payloads).
  await hub.open(randomUUID(), responseSink().raw, undefined);
  const held = holdNext('read');
  // An older transaction still open holds the entry back, as any other transaction of the cluster may.
  const blocker = await pool.connect();
  await blocker.query('begin');
  await blocker.query('select pg_current_xact_id()');
  await insertEntry(reader, 1);
  const before = seen.length;
  hub.wake();
  await eventually('a tail read that found the entry held back', () =>
    Promise.resolve(seen.slice(before).some((s) => s.kind === 'read' && s.rows.length === 0)),
  );
  expect(held()).toBeUndefined();
  await blocker.query('commit');
  blocker.release();

  await eventually('the tail read that has the entry', () => (hub.wake(), Promise.resolve(held() !== undefined)));
  // Nobody of its audience had a stream open when the tail asked: the entry came as a position only.
  expect(held()?.rows).toEqual([expect.objectContaining({ wanted: false, payload: null })]);

  const sink = responseSink();
  await hub.open(reader, sink.raw, undefined);
  release();

  await eventually('the entry on the new stream', () => Promise.resolve(sink.text().includes('event: test.event')));
  expect(sink.text()).toContain('data: {"payload":{"n":1}}');
});

it('moves past the entries without reading them while no stream is open here', async () => {
  const reader = randomUUID();
  await insertEntry(reader, 2);
  const before = seen.length;
  await eventually(
    'the tail moved past the entry',
    () => (hub.wake(), Promise.resolve(seen.slice(before).some((s) => s.kind === 'skip' && s.rows.length === 1))),
  );
  expect(seen.slice(before).map((s) => s.kind)).not.toContain('read');

  // A stream opened now starts after that entry: it gets the next one only.
  const sink = responseSink();
  await hub.open(reader, sink.raw, undefined);
  await insertEntry(reader, 3);
  await eventually('the next entry on the stream', () => (hub.wake(), Promise.resolve(sink.text().includes('"n":3'))));
  expect(sink.text()).not.toContain('"n":2');
});

it('reads the entries instead when a stream opens while the tail moves past them', async () => {
  const reader = randomUUID();
  const held = holdNext('skip');
  await insertEntry(reader, 4);
  await eventually('the tail moving past the entry', () => (hub.wake(), Promise.resolve(held() !== undefined)));

  // The stream starts where the tail was before the entry: the tail must not move past it unread.
  const sink = responseSink();
  await hub.open(reader, sink.raw, undefined);
  release();

  await eventually('the entry on the new stream', () => Promise.resolve(sink.text().includes('event: test.event')));
  expect(sink.text()).toContain('data: {"payload":{"n":4}}');
});
