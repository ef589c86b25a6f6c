import { Writable } from 'node:stream';
import type { ServerResponse } from 'node:http';
import { EventStream } from './event-stream';
import type { LogEntry } from './live-views';

/** A client socket that accepts bytes and never sends them on: everything stays buffered. */
function stuckClient() {
  const sink = new Writable({ highWaterMark: 16, write: () => undefined });
  const written: string[] = [];
  const write = sink.write.bind(sink);
  Object.assign(sink, {
    write: (chunk: string) => {
      written.push(chunk);
      return write(chunk);
    },
  });
  return { raw: sink as unknown as ServerResponse, written };
}

const entry = (seq: number): LogEntry => ({
  position: { tx: 100n, seq: BigInt(seq) },
  name: 'ticket.updated',
  payload: {},
  actorId: null,
  occurredAt: new Date('2026-12-01T10:00:00Z'),
  audience: ['u'],
  subjectId: null,
});

describe('EventStream', () => {
  it('ends a client that reads nothing with reset once its unsent bytes pass the cap', () => {
    const { raw, written } = stuckClient();
    const stream = new EventStream('u', raw, { tx: 100n, seq: 0n }, 1024, 100);
    stream.goLive();
    for (let seq = 1; seq <= 50 && stream.open; seq++) stream.offer(entry(seq), { note: 'x'.repeat(100) });
    expect(stream.open).toBe(false);
    expect(written.at(-1)).toBe('event: reset\ndata: {}\n\n');
    // It stopped at the cap: about 1 KiB of events, not all 50.
    expect(written.filter((w) => w.startsWith('id: ')).length).toBeLessThan(15);
  });

  it('holds the entries that arrive during a replay, sends them after it once each, and caps them', () => {
    const { raw, written } = stuckClient();
    const stream = new EventStream('u', raw, { tx: 100n, seq: 10n }, 1 << 20, 3);
    stream.resumeAt({ tx: 100n, seq: 2n });
    stream.offer(entry(11), { n: 11 });
    stream.replay(entry(3), { n: 3 });
    stream.replay(entry(11), { n: 11 });
    stream.goLive();
    stream.offer(entry(12), { n: 12 });
    expect(written.filter((w) => w.startsWith('id: ')).map((w) => w.split('\n')[0])).toEqual([
      'id: 100-3',
      'id: 100-11',
      'id: 100-12',
    ]);
    const capped = new EventStream('u', stuckClient().raw, { tx: 100n, seq: 0n }, 1 << 20, 3);
    for (let seq = 1; seq <= 4; seq++) capped.offer(entry(seq), {});
    expect(capped.open).toBe(false);
  });
});
