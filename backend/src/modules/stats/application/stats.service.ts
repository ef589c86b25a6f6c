import { Injectable } from '@nestjs/common';
import { InvalidFieldError } from '../../../platform/errors/domain-error';
import { TicketsService } from '../../tickets';
import { StatsRepository } from '../persistence/stats.repository';

/** The longest range, in days (a leap year). */
export const MAX_STATS_DAYS = 366;

const DAY_MS = 86_400_000;

export interface StatsQuery {
  from: string;
  to: string;
  tz?: string;
}

export interface StatsFigures {
  days: { date: string; opened: number; closed: number }[];
  open: { urgent: number; high: number; normal: number; low: number };
  overdue: number;
  medianMinutesToClose: number | null;
}

/** A `YYYY-MM-DD` that is a real calendar date from 1970 to 9998, as UTC milliseconds; `null` otherwise. */
function calendarDay(date: string): number | null {
  const ms = Date.parse(`${date}T00:00:00Z`);
  const year = Number(date.slice(0, 4));
  if (Number.isNaN(ms) || year < 1970 || year > 9998) return null;
  return new Date(ms).toISOString().slice(0, 10) === date ? ms : null;
}

const isoDate = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

@Injectable()
export class StatsService {
  private zones?: Promise<Set<string>>;

  constructor(
    private readonly stats: StatsRepository,
    private readonly tickets: TicketsService,
  ) {}

  /** The dashboard's figures over the user's boxes (tickets they created or are assigned). */
  async figures(userId: string, query: StatsQuery): Promise<StatsFigures> {
    const tz = query.tz ?? 'UTC';
    const from = calendarDay(query.from);
    if (from === null) throw new InvalidFieldError('from', 'from must be a date YYYY-MM-DD from 1970 to 9998');
    const to = calendarDay(query.to);
    if (to === null) throw new InvalidFieldError('to', 'to must be a date YYYY-MM-DD from 1970 to 9998');
    if (to < from) throw new InvalidFieldError('to', 'to must not be before from');
    const count = (to - from) / DAY_MS + 1;
    if (count > MAX_STATS_DAYS) throw new InvalidFieldError('to', `the range must be at most ${MAX_STATS_DAYS} days`);
    if (!(await this.knownZone(tz))) throw new InvalidFieldError('tz', 'tz must be an IANA time zone');

    const end = isoDate(to + DAY_MS);
    const [found, open, overdue, median] = await Promise.all([
      this.stats.days(userId, tz, query.from, count),
      this.stats.openByPriority(userId),
      this.tickets.countOverdue(userId),
      this.stats.medianSecondsToClose(userId, tz, query.from, end),
    ]);
    const byDay = new Map(found.map((d) => [d.day, d]));
    const days = Array.from({ length: count }, (_, i) => {
      const day = byDay.get(i + 1);
      return { date: isoDate(from + i * DAY_MS), opened: day?.opened ?? 0, closed: day?.closed ?? 0 };
    });
    return {
      days,
      open: {
        urgent: open.get('urgent') ?? 0,
        high: open.get('high') ?? 0,
        normal: open.get('normal') ?? 0,
        low: open.get('low') ?? 0,
      },
      overdue,
      medianMinutesToClose: median === null ? null : Math.round(median / 6) / 10,
    };
  }

  /** Whether PostgreSQL knows the zone; its list is read once per instance (it is tzdata's). */
  private async knownZone(tz: string): Promise<boolean> {
    this.zones ??= this.stats.timeZoneNames().catch((error: unknown) => {
      this.zones = undefined;
      throw error;
    });
    return (await this.zones).has(tz);
  }
}
