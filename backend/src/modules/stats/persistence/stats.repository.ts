import { Injectable } from '@nestjs/common';
import { ReadPool } from '../../../platform/database/read-pool';
import type { TicketPriority } from '../../tickets';
import { medianSecondsToClose, openByPriority, openedClosedByDay, timeZoneNames } from './stats.statements';

/** A local date's figures, by its place in the range (1 is the first date). */
export interface DayFigures {
  day: number;
  opened: number;
  closed: number;
}

/** The stats module's reads, on the read pool (one statement each, no transaction needed). */
@Injectable()
export class StatsRepository {
  constructor(private readonly reads: ReadPool) {}

  /** The local dates from `from` on (`day` 1 is `from`) that have any figure; the others are zero. */
  async days(userId: string, tz: string, from: string, days: number): Promise<DayFigures[]> {
    return this.reads.query<DayFigures>(openedClosedByDay(userId, tz, from, days));
  }

  async openByPriority(userId: string): Promise<Map<TicketPriority, number>> {
    const rows = await this.reads.query<{ priority: TicketPriority; open: number }>(openByPriority(userId));
    return new Map(rows.map((r) => [r.priority, r.open]));
  }

  async medianSecondsToClose(userId: string, tz: string, from: string, toExclusive: string): Promise<number | null> {
    const [row] = await this.reads.query<{ seconds: number | null }>(
      medianSecondsToClose(userId, tz, from, toExclusive),
    );
    return row?.seconds ?? null;
  }

  async timeZoneNames(): Promise<Set<string>> {
    const rows = await this.reads.query<{ name: string }>(timeZoneNames());
    return new Set(rows.map((r) => r.name));
  }
}
