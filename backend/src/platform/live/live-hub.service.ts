import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import type { ServerResponse } from 'node:http';
import { Pool } from 'pg';
import { AppConfig } from '../../config/app-config';
import { DatabasePools } from '../database/pools';
import { pgRunner, SqlRunner } from '../database/sql';
import { OUTBOX_CHANNEL } from '../outbox/commit-notifier';
import { notify } from '../outbox/persistence/outbox.statements';
import { EventStream } from './event-stream';
import { EntryRow, LiveViews, LogEntry, toLogEntry } from './live-views';
import { LogPosition, parsePosition, positionOf } from './log-position';
import {
  entriesFor,
  entryTime,
  heldBackAfter,
  lastSettledAfter,
  logHorizon,
  settledAfter,
} from './persistence/live.statements';

const TAIL_BATCH = 500;
/**
 * Up to this many users with a stream open here, the tail asks the log only for their entries'
 * payloads (the others' entries come as positions); above it, an overlap test per entry would cost
 * more than the payloads it saves, and every entry is read whole.
 */
const TAIL_FILTER_MAX_READERS = 256;
const REPLAY_PAGE = 500;
/** A held-back entry (an older transaction still runs) is looked for again after this, doubling up to LIVE_POLL_MS. */
const HELD_BACK_FIRST_RETRY_MS = 10;

/**
 * The live streams of this instance and the one reader of the event log that feeds them all.
 *
 * The tail reads the log in (tx, seq) order, only below the oldest running transaction (ADR 0012),
 * when a NOTIFY says events were committed (by any instance, over the instance's one LISTEN
 * connection), when an entry it saw waits for an older transaction, and every LIVE_POLL_MS, at most
 * once per LIVE_TAIL_INTERVAL_MS. Each entry goes to the open streams of its audience, in memory:
 * a stream costs no connection. With no stream open here, the tail only moves past the entries.
 * A stream that resumes (`Last-Event-ID`) first replays its reader's entries from the log, up to
 * where the tail is, then takes the tail's entries after them.
 */
@Injectable()
export class LiveHub implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(LiveHub.name);
  private readonly streams = new Map<string, Set<EventStream>>();
  private pool?: Pool;
  private db?: SqlRunner;
  private position?: LogPosition;
  private started?: Promise<void>;
  private reading?: Promise<void>;
  private readAgain = false;
  private lastReadAt = -Infinity;
  private wakeTimer?: NodeJS.Timeout;
  private heldBackRetryMs = HELD_BACK_FIRST_RETRY_MS;
  private heldBackTimer?: NodeJS.Timeout;
  private timers: NodeJS.Timeout[] = [];
  private unlisten?: () => void;
  private stopped = false;

  constructor(
    private readonly config: AppConfig,
    private readonly pools: DatabasePools,
    private readonly views: LiveViews,
  ) {}

  onApplicationBootstrap(): Promise<void> {
    this.started ??= this.start();
    return this.started;
  }

  private async start(): Promise<void> {
    this.pool = this.pools.open('live', this.logger);
    this.db = pgRunner(this.pool);
    const [{ tx }] = await this.db.query<{ tx: string }>(logHorizon());
    this.position = { tx: BigInt(tx), seq: 0n };
    this.unlisten = await this.pools.listen(OUTBOX_CHANNEL, { notification: () => this.wake(), up: () => this.wake() });
    this.timers.push(setInterval(() => this.wake(), this.config.LIVE_POLL_MS));
    this.timers.push(setInterval(() => this.each((s) => s.comment('ping')), this.config.LIVE_HEARTBEAT_MS));
    for (const timer of this.timers) timer.unref();
  }

  /** Streams open on this instance now. */
  get openStreams(): number {
    let n = 0;
    for (const set of this.streams.values()) n += set.size;
    return n;
  }

  /**
   * Starts a stream for `userId` on `raw` (headers already sent). With `lastEventId`, the reader's
   * entries after it are replayed first; an id that is not a position of the last
   * LIVE_RESUME_HOURS, or a replay longer than LIVE_RESUME_MAX_EVENTS, gets `reset` instead.
   */
  async open(userId: string, raw: ServerResponse, lastEventId: string | undefined): Promise<EventStream> {
    await (this.started ??= this.start());
    const head = this.head;
    const stream = new EventStream(
      userId,
      raw,
      head,
      this.config.LIVE_STREAM_BUFFER_BYTES,
      this.config.LIVE_RESUME_MAX_EVENTS,
    );
    const own = this.streams.get(userId) ?? new Set<EventStream>();
    own.add(stream);
    this.streams.set(userId, own);
    raw.once('close', () => {
      own.delete(stream);
      if (own.size === 0 && this.streams.get(userId) === own) this.streams.delete(userId);
    });
    if (lastEventId === undefined) {
      stream.goLive();
      return stream;
    }
    const from = parsePosition(lastEventId);
    const known = from !== null && (await this.resumable(from));
    if (known) stream.resumeAt(from);
    if (!known || !(await this.replay(stream, from, head))) {
      stream.reset();
      stream.goLive(head);
      return stream;
    }
    stream.goLive();
    return stream;
  }

  /** Sends an event that is not in the log (presence) to the open streams of `userIds`. */
  sendUnlogged(userIds: Iterable<string>, name: string, data: Record<string, unknown>): void {
    for (const id of userIds) for (const stream of this.streams.get(id) ?? []) stream.unlogged(name, data);
  }

  /** A NOTIFY on the live pool (presence is shared with the other instances this way). */
  async notify(channel: string, payload: string): Promise<void> {
    await (this.started ??= this.start());
    await this.log.query(notify(channel, payload));
  }

  /** Ends every stream (their clients reconnect, to another instance while this one drains). */
  endStreams(): void {
    this.each((s) => s.end());
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    this.unlisten?.();
    for (const timer of this.timers) clearInterval(timer);
    clearTimeout(this.heldBackTimer);
    clearTimeout(this.wakeTimer);
    this.endStreams();
    await this.reading?.catch(() => undefined);
    await this.pool?.end().catch(() => undefined);
  }

  /**
   * Reads the tail now, or once more after the read in progress, or (when the last read began less
   * than LIVE_TAIL_INTERVAL_MS ago) once that interval has passed: under a burst of commits one
   * read serves many NOTIFYs instead of one read each, back to back.
   */
  wake(): void {
    if (this.stopped || !this.position) return;
    if (this.reading) {
      this.readAgain = true;
      return;
    }
    const wait = this.lastReadAt + this.config.LIVE_TAIL_INTERVAL_MS - performance.now();
    if (wait > 0) {
      if (!this.wakeTimer) {
        this.wakeTimer = setTimeout(() => {
          this.wakeTimer = undefined;
          this.wake();
        }, wait);
        this.wakeTimer.unref();
      }
      return;
    }
    this.lastReadAt = performance.now();
    this.reading = this.tail()
      .catch((error: Error) => this.logger.warn(`event log read failed (retried at the next wake): ${error.message}`))
      .finally(() => {
        this.reading = undefined;
        if (this.readAgain) {
          this.readAgain = false;
          this.wake();
        }
      });
  }

  private async tail(): Promise<void> {
    if (this.streams.size === 0 && (await this.skipUnread())) return;
    for (;;) {
      const readers = this.streams.size <= TAIL_FILTER_MAX_READERS ? [...this.streams.keys()] : undefined;
      const rows = await this.log.query<EntryRow & { wanted: boolean }>(settledAfter(this.head, TAIL_BATCH, readers));
      let whole = true;
      for (const row of rows) {
        const entry = toLogEntry(row);
        // A stream of its audience opened while the page was read without its payload: read again from here.
        if (!row.wanted && entry.audience.some((id) => this.streams.has(id))) {
          whole = false;
          break;
        }
        this.deliver(entry);
      }
      if (whole && rows.length < TAIL_BATCH) break;
    }
    const [{ held }] = await this.log.query<{ held: boolean }>(heldBackAfter(this.head));
    clearTimeout(this.heldBackTimer);
    if (!held) {
      this.heldBackRetryMs = HELD_BACK_FIRST_RETRY_MS;
      return;
    }
    this.heldBackTimer = setTimeout(() => this.wake(), this.heldBackRetryMs);
    this.heldBackTimer.unref();
    this.heldBackRetryMs = Math.min(this.heldBackRetryMs * 2, this.config.LIVE_POLL_MS);
  }

  /**
   * With no stream open here, moves the tail past the settled entries without reading them (nobody
   * here would get one); a stream that opens later starts from there, as it would after a read.
   * False when a stream opened while the log answered: its start is the old position, so the
   * entries after it are read and delivered instead.
   */
  private async skipUnread(): Promise<boolean> {
    const [last] = await this.log.query<{ tx: string; seq: string }>(lastSettledAfter(this.head));
    if (this.streams.size > 0) return false;
    if (last) this.position = positionOf(last);
    return true;
  }

  private deliver(entry: LogEntry): void {
    this.position = entry.position;
    for (const userId of entry.audience) {
      const own = this.streams.get(userId);
      if (!own) continue;
      // One view per reader, however many streams it has open: they share it, and its JSON (EventStream).
      const data = this.views.view(entry, userId);
      for (const stream of own) stream.offer(entry, data);
    }
  }

  private async resumable(from: LogPosition): Promise<boolean> {
    const rows = await this.log.query<{ occurred_at: Date }>(entryTime(from));
    const oldest = Date.now() - this.config.LIVE_RESUME_HOURS * 3600_000;
    return rows.length > 0 && new Date(rows[0].occurred_at).getTime() >= oldest;
  }

  /** Sends the reader's entries in (from, head]; false when there are more than LIVE_RESUME_MAX_EVENTS. */
  private async replay(stream: EventStream, from: LogPosition, head: LogPosition): Promise<boolean> {
    let at = from;
    let sent = 0;
    for (;;) {
      const rows = await this.log.query<EntryRow>(entriesFor(stream.userId, at, head, REPLAY_PAGE));
      sent += rows.length;
      if (sent > this.config.LIVE_RESUME_MAX_EVENTS) return false;
      for (const row of rows) {
        const entry = toLogEntry(row);
        stream.replay(entry, this.views.view(entry, stream.userId));
        at = entry.position;
      }
      if (rows.length < REPLAY_PAGE || !stream.open) return true;
    }
  }

  private get log(): SqlRunner {
    if (!this.db) throw new Error('the live hub has not started');
    return this.db;
  }

  private get head(): LogPosition {
    if (!this.position) throw new Error('the live hub has not started');
    return this.position;
  }

  private each(fn: (stream: EventStream) => void): void {
    for (const set of this.streams.values()) for (const stream of set) fn(stream);
  }
}
