import { Injectable, computed, signal } from '@angular/core';
import { type DuePolicyDto, getDuePolicy, putDuePolicy } from '@bw/sdk';
import type { ApiProblem } from '../../core/api/problem';
import { settle } from '../../core/api/sdk-result';

export type DuePolicy = DuePolicyDto;
export const DUE_PRIORITIES = ['urgent', 'high', 'normal', 'low'] as const satisfies readonly (keyof DuePolicy)[];

/** The signed-in user's due policy: minutes per priority until a new ticket is due (null: none). */
@Injectable()
export class DuePolicyStore {
  private readonly state = signal<{ policy: DuePolicy | null; loading: boolean; problem: ApiProblem | null }>({
    policy: null,
    loading: false,
    problem: null,
  });

  readonly policy = computed(() => this.state().policy);
  readonly loading = computed(() => this.state().loading);
  readonly problem = computed(() => this.state().problem);

  async load(): Promise<void> {
    this.state.update((s) => ({ ...s, loading: true, problem: null }));
    const result = await settle(getDuePolicy());
    this.state.update((s) =>
      result.ok
        ? { policy: result.data, loading: false, problem: null }
        : { ...s, loading: false, problem: result.problem },
    );
  }

  async save(policy: DuePolicy): Promise<{ ok: true } | { ok: false; problem: ApiProblem }> {
    const result = await settle(putDuePolicy({ body: policy }));
    if (!result.ok) return result;
    this.state.update((s) => ({ ...s, policy: result.data }));
    return { ok: true };
  }
}

/** "4 hours", "1 day 2 hours", "90 minutes": a policy's minutes as people read them. */
export function describeMinutes(minutes: number): string {
  const plural = (n: number, unit: string) => `${n} ${unit}${n === 1 ? '' : 's'}`;
  if (minutes < 60 || minutes % 60 !== 0) return plural(minutes, 'minute');
  const hours = minutes / 60;
  if (hours < 24 || hours % 24 !== 0) {
    const days = Math.floor(hours / 24);
    return days > 0 ? `${plural(days, 'day')} ${plural(hours % 24, 'hour')}` : plural(hours, 'hour');
  }
  return plural(hours / 24, 'day');
}
