import type { ServerResponse } from 'node:http';
import { comparePositions, formatPosition, LogPosition } from './log-position';
import type { LogEntry } from './live-views';

/** The JSON of an entry's data, written once however many streams of its reader send it. */
const serialized = new WeakMap<object, string>();
function jsonOf(data: Record<string, unknown>): string {
  let text = serialized.get(data);
  if (text === undefined) {
    text = JSON.stringify(data);
    serialized.set(data, text);
  }
  return text;
}

/**
 * One open `text/event-stream` answer and the place in the log it has reached. While it replays
 * (a resume), the live entries that arrive are held and sent after the replay, each only once:
 * an entry at or before the stream's position is skipped. A client that reads too slowly (more
 * than `maxBufferBytes` waiting in the socket, or as many held entries) gets `reset` and the
 * stream ends: its memory cannot grow without bound.
 */
export class EventStream {
  private position: LogPosition;
  private replaying = true;
  private held: { entry: LogEntry; data: Record<string, unknown> | null }[] = [];
  private ended = false;

  constructor(
    readonly userId: string,
    private readonly raw: ServerResponse,
    start: LogPosition,
    private readonly maxBufferBytes: number,
    private readonly maxHeld: number,
  ) {
    this.position = start;
    raw.once('close', () => (this.ended = true));
  }

  get open(): boolean {
    return !this.ended;
  }

  get at(): LogPosition {
    return this.position;
  }

  /** A log entry for this stream's reader (`data` null: the reader is not shown it, but the stream moves past it). */
  offer(entry: LogEntry, data: Record<string, unknown> | null): void {
    if (this.ended || comparePositions(entry.position, this.position) <= 0) return;
    if (this.replaying) {
      this.held.push({ entry, data });
      if (this.held.length > this.maxHeld) this.resetAndEnd();
      return;
    }
    this.send(entry, data);
  }

  /** A resume: the stream's reader has seen the log up to `from` (what follows is replayed, then live). */
  resumeAt(from: LogPosition): void {
    this.position = from;
  }

  /** A replayed entry (resume): sent at once, in log order. */
  replay(entry: LogEntry, data: Record<string, unknown> | null): void {
    if (this.ended || comparePositions(entry.position, this.position) <= 0) return;
    this.send(entry, data);
  }

  /** The replay is over (or there was none): the held entries follow, then everything live. */
  goLive(from?: LogPosition): void {
    if (from && comparePositions(from, this.position) > 0) this.position = from;
    this.replaying = false;
    const held = this.held;
    this.held = [];
    for (const { entry, data } of held) this.offer(entry, data);
  }

  /** An event outside the log (presence): no id, not replayed. */
  unlogged(name: string, data: Record<string, unknown>): void {
    this.write(`event: ${name}\ndata: ${JSON.stringify(data)}\n\n`);
  }

  /** "Reload everything": the stream's position cannot be resumed (an unknown or expired id, or too much to replay). */
  reset(): void {
    this.write('event: reset\ndata: {}\n\n');
  }

  comment(text: string): void {
    this.write(`: ${text}\n\n`);
  }

  end(): void {
    if (this.ended) return;
    this.ended = true;
    this.raw.end();
  }

  private send(entry: LogEntry, data: Record<string, unknown> | null): void {
    this.position = entry.position;
    if (data) this.write(`id: ${formatPosition(entry.position)}\nevent: ${entry.name}\ndata: ${jsonOf(data)}\n\n`);
  }

  private write(text: string): void {
    if (this.ended) return;
    this.raw.write(text);
    if (this.raw.writableLength > this.maxBufferBytes) this.resetAndEnd();
  }

  private resetAndEnd(): void {
    if (this.ended) return;
    this.raw.write('event: reset\ndata: {}\n\n');
    this.end();
    // A client that reads nothing would keep even the end queued: its socket goes after a grace period.
    setTimeout(() => this.raw.destroy(), 5000).unref();
  }
}
