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

beforeAll(async () => {
  db = await isolatedDatabase();
  pool = new Pool({ connectionString: db.url, max: 2 });
  const gated = {
    query: async (text: string, values?: unknown[]) => {
      const result = await pool.query(text, values);
      const held = hold;
      if (held && text.includes(' as wanted')) {
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
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  const arrived = new Promise<TailRead>((resolve) => (hold = { arrived: resolve, released }));
  await db.query(`insert into outbox_events (id, name, payload, audience) values ($1, 'test.event', $2, $3)`, [
    randomUUID(),
    JSON.stringify({ n: 1 }),
    [reader],
  ]);

  hub.wake();
  const read = await arrived;
  // Nobody had a stream open when the tail asked: the entry came as a position only.
  expect(read.rows).toEqual([expect.objectContaining({ wanted: false, payload: null })]);

  const sink = responseSink();
  await hub.open(reader, sink.raw, undefined);
  release();

  await eventually('the entry on the new stream', () => Promise.resolve(sink.text().includes('event: test.event')));
  expect(sink.text()).toContain('data: {"payload":{"n":1}}');
});
