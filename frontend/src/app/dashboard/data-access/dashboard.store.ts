import { Injectable, computed, signal } from '@angular/core';
import { type StatsDto, getStats } from '@bw/sdk';
import type { ApiProblem } from '../../core/api/problem';
import { settle } from '../../core/api/sdk-result';

export type Stats = StatsDto;

/** The ranges the dashboard offers, in days ending today. */
export const DASHBOARD_RANGES = [7, 30, 90, 365] as const;
export type DashboardRange = (typeof DASHBOARD_RANGES)[number];

/** The browser's time zone, which the dashboard's days are dates of. */
export function browserTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

/** `YYYY-MM-DD` of an instant in a time zone. */
export function localDate(at: Date, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' })
    .formatToParts(at)
    .reduce<Record<string, string>>((all, p) => ({ ...all, [p.type]: p.value }), {});
  return `${parts['year']}-${parts['month']}-${parts['day']}`;
}

/** The `days` dates ending with `today` (a `YYYY-MM-DD`): the first and the last. */
export function rangeEnding(today: string, days: number): { from: string; to: string } {
  const end = Date.parse(`${today}T00:00:00Z`);
  return { from: new Date(end - (days - 1) * 86_400_000).toISOString().slice(0, 10), to: today };
}

/** The dashboard's figures for the last `range` days in the browser's time zone. */
@Injectable()
export class DashboardStore {
  private readonly state = signal<{
    stats: Stats | null;
    range: DashboardRange;
    loading: boolean;
    problem: ApiProblem | null;
  }>({ stats: null, range: 30, loading: false, problem: null });

  readonly timeZone = browserTimeZone();
  readonly stats = computed(() => this.state().stats);
  readonly range = computed(() => this.state().range);
  readonly loading = computed(() => this.state().loading);
  readonly problem = computed(() => this.state().problem);
  private loads = 0;

  async load(range: DashboardRange = this.state().range): Promise<void> {
    const mine = ++this.loads;
    this.state.update((s) => ({ ...s, range, loading: true, problem: null }));
    const { from, to } = rangeEnding(localDate(new Date(), this.timeZone), range);
    const result = await settle(getStats({ query: { from, to, tz: this.timeZone } }));
    if (mine !== this.loads) return;
    this.state.update((s) =>
      result.ok
        ? { ...s, stats: result.data, loading: false, problem: null }
        : { ...s, loading: false, problem: result.problem },
    );
  }
}
