import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { AppConfig } from '../../config/app-config';
import { DatabasePools } from '../database/pools';
import { LiveHub } from './live-hub.service';

export const PRESENCE_CHANNEL = 'bw_presence';
export type PresenceState = 'viewing' | 'editing' | 'left';
export const PRESENCE_STATES: readonly PresenceState[] = ['viewing', 'editing', 'left'];

/** One report: who is where, and who may see the record (the stream readers who are told). */
export interface PresenceReport {
  ticketId: string;
  user: { id: string; username: string };
  state: PresenceState;
  audience: string[];
}

interface Present extends PresenceReport {
  expiresAt: number;
}

/**
 * Who is viewing or editing which ticket, kept in memory on every instance: a report is applied
 * here and sent to the other instances over NOTIFY (their own copies). Each instance tells its own
 * streams; a presence that is not reported again within PRESENCE_TTL_MS expires everywhere, each
 * instance sending `left` to its streams. Not in the event log: nothing is replayed.
 */
@Injectable()
export class Presence implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(Presence.name);
  private readonly present = new Map<string, Present>();
  private readonly instanceId = randomUUID();
  private sweeper?: NodeJS.Timeout;
  private unlisten?: () => void;

  constructor(
    private readonly config: AppConfig,
    private readonly pools: DatabasePools,
    private readonly hub: LiveHub,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    this.unlisten = await this.pools.listen(PRESENCE_CHANNEL, { notification: (payload) => this.heard(payload) });
    this.sweeper = setInterval(() => this.sweep(), Math.min(5000, this.config.PRESENCE_TTL_MS / 4));
    this.sweeper.unref();
  }

  onApplicationShutdown(): void {
    this.unlisten?.();
    clearInterval(this.sweeper);
  }

  /** Applies a report here and tells the other instances. */
  async report(report: PresenceReport): Promise<void> {
    this.apply(report);
    await this.hub.notify(PRESENCE_CHANNEL, JSON.stringify({ from: this.instanceId, report }));
  }

  /** The presence a new stream of `userId` starts with: others on the tickets it may see. */
  currentFor(userId: string): Record<string, unknown>[] {
    return [...this.present.values()].filter((p) => p.user.id !== userId && p.audience.includes(userId)).map(toEvent);
  }

  private heard(payload: string): void {
    try {
      const { from, report } = JSON.parse(payload) as { from: string; report: PresenceReport };
      if (from !== this.instanceId) this.apply(report);
    } catch (error) {
      this.logger.warn(`unreadable presence notification: ${(error as Error).message}`);
    }
  }

  private apply(report: PresenceReport): void {
    const key = `${report.ticketId}:${report.user.id}`;
    const before = this.present.get(key);
    if (report.state === 'left') {
      this.present.delete(key);
      if (before) this.tell(report);
      return;
    }
    this.present.set(key, { ...report, expiresAt: Date.now() + this.config.PRESENCE_TTL_MS });
    if (before?.state !== report.state) this.tell(report);
  }

  private sweep(now = Date.now()): void {
    for (const [key, p] of this.present)
      if (p.expiresAt <= now) {
        this.present.delete(key);
        this.tell({ ...p, state: 'left' });
      }
  }

  private tell(report: PresenceReport): void {
    this.hub.sendUnlogged(
      report.audience.filter((id) => id !== report.user.id),
      'presence',
      toEvent(report),
    );
  }
}

const toEvent = (p: PresenceReport): Record<string, unknown> => ({
  ticketId: p.ticketId,
  user: p.user,
  state: p.state,
});
