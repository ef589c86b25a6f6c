import { loadConfig } from '@bw/backend/config/app-config';
import type { DatabasePools } from '@bw/backend/platform/database/pools';
import { LiveHub } from '@bw/backend/platform/live/live-hub.service';
import { LiveViews } from '@bw/backend/platform/live/live-views';
import { randomUUID } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import { PassThrough } from 'node:stream';
import { Pool } from 'pg';
import { eventually, IsolatedDatabase, isolatedDatabase } from './support/isolated-database';

// The live hub's tail reads payloads only for the users with a stream open on the instance (ADR
// 0012). Here one of its reads is held after the database answered, so a stream can open in
// between, deterministically: the entry came without its payload, and the stream must still get it whole.

interface TailRead {
  rows: { wanted: boolean; payload: unknown }[];
}

let db: IsolatedDatabase;
let pool: Pool;
let hub: LiveHub;
/** The next tail read is held until `release` is called; `arrived` resolves with its rows once the database answered. */
let hold: { arrived: (read: TailRead) => void; released: Promise<void> } | undefined;
/** Lets a held read go; called again after the test so a failed assertion cannot leave the tail waiting. */
let release: () => void = () => undefined;
let emptyReads = 0;

beforeAll(async () => {
  db = await isolatedDatabase();
  pool = new Pool({ connectionString: db.url, max: 2 });
  const gated = {
    query: async (text: string, values?: unknown[]) => {
      const result = await pool.query(text, values);
      const held = hold;
      if (text.includes(' as wanted') && result.rows.length === 0) emptyReads += 1;
      // A read can come back empty while another transaction of the cluster holds the entry back
      // (ADR 0012); the tail retries it, and the first read that has the entry is the one held.
      if (held && text.includes(' as wanted') && result.rows.length > 0) {
        hold = undefined;
        held.arrived({ rows: result.rows });
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

afterAll(async () => {
  release();
  await hub?.onApplicationShutdown();
  await pool?.end();
  await db?.drop();
});

function responseSink(): { raw: ServerResponse; text: () => string } {
  const sink = new PassThrough();
  let text = '';
  sink.on('data', (chunk: Buffer) => (text += chunk.toString()));
  return { raw: sink as unknown as ServerResponse, text: () => text };
}

it('reads no payload for a user without a stream, and gives a stream that opened meanwhile its entry whole', async () => {
  const reader = randomUUID();
  const released = new Promise<void>((resolve) => (release = resolve));
  let read: TailRead | undefined;
  void new Promise<TailRead>((resolve) => (hold = { arrived: resolve, released })).then((r) => (read = r));
  // An older transaction still open holds the entry back, as any other transaction of the cluster may.
  const blocker = await pool.connect();
  await blocker.query('begin');
  await blocker.query('select pg_current_xact_id()');
  await db.query(`insert into outbox_events (id, name, payload, audience) values ($1, 'test.event', $2, $3)`, [
    randomUUID(),
    JSON.stringify({ n: 1 }),
    [reader],
  ]);
  const before = emptyReads;
  hub.wake();
  await eventually('a tail read that found the entry held back', () => Promise.resolve(emptyReads > before));
  expect(read).toBeUndefined();
  await blocker.query('commit');
  blocker.release();

  await eventually('the tail read that has the entry', () => (hub.wake(), Promise.resolve(read !== undefined)));
  if (!read) throw new Error('unreachable: the read arrived');
  // Nobody had a stream open when the tail asked: the entry came as a position only.
  expect(read.rows).toEqual([expect.objectContaining({ wanted: false, payload: null })]);

  const sink = responseSink();
  await hub.open(reader, sink.raw, undefined);
  release();

  await eventually('the entry on the new stream', () => Promise.resolve(sink.text().includes('event: test.event')));
  expect(sink.text()).toContain('data: {"payload":{"n":1}}');
});
