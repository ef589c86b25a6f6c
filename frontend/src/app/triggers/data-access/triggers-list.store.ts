import { computed, Injectable, signal } from '@angular/core';
import { deleteTrigger, getTrigger, listTriggers, updateTrigger } from '@bw/sdk';
import { CursorPager } from '../../core/api/cursor-pager';
import type { ApiProblem } from '../../core/api/problem';
import { settle } from '../../core/api/sdk-result';
import { type Trigger, TRIGGERS_PAGE_SIZE } from './trigger.model';

/** /triggers: the caller's triggers, newest first, with "load more", activate/deactivate and delete. Provide it in the page. */
@Injectable()
export class TriggersListStore {
  private readonly pager = new CursorPager<Trigger>();
  private readonly busy = signal<ReadonlySet<string>>(new Set());

  readonly items = this.pager.items;
  readonly loading = this.pager.loading;
  readonly loadingMore = this.pager.loadingMore;
  readonly error = this.pager.error;
  readonly hasMore = this.pager.hasMore;
  readonly empty = this.pager.empty;
  readonly busyIds = computed(() => this.busy());

  load(): Promise<void> {
    return this.pager.load((cursor) => settle(() => listTriggers({ query: { limit: TRIGGERS_PAGE_SIZE, ...(cursor ? { cursor } : {}) } })));
  }

  loadMore(): Promise<void> {
    return this.pager.loadMore();
  }

  reload(): Promise<void> {
    return this.pager.reload();
  }

  add(trigger: Trigger): void {
    this.pager.add(trigger, 'start');
  }

  replace(trigger: Trigger): void {
    this.pager.replace(trigger);
  }

  /**
   * Switches a trigger on or off with the version on screen. On a conflict (changed elsewhere)
   * the row is refreshed to the latest version and the problem returned, so the user can retry.
   */
  async setActive(trigger: Trigger, active: boolean): Promise<ApiProblem | null> {
    return this.whileBusy(trigger.id, async () => {
      const result = await settle(() => updateTrigger({ path: { id: trigger.id }, body: { active, version: trigger.version } }));
      if (result.ok) {
        this.pager.replace(result.data);
        return null;
      }
      if (result.problem.status === 409) {
        const latest = await settle(() => getTrigger({ path: { id: trigger.id } }));
        if (latest.ok) this.pager.replace(latest.data);
      } else if (result.problem.status === 404) {
        this.pager.remove(trigger.id);
      }
      return result.problem;
    });
  }

  /** Resolves to `null` once the trigger is gone, or the problem that kept it. */
  async delete(trigger: Trigger): Promise<ApiProblem | null> {
    return this.whileBusy(trigger.id, async () => {
      const result = await settle(() => deleteTrigger({ path: { id: trigger.id } }));
      if (result.ok || result.problem.status === 404) {
        this.pager.remove(trigger.id);
        return null;
      }
      return result.problem;
    });
  }

  private async whileBusy<T>(id: string, work: () => Promise<T>): Promise<T> {
    this.busy.update((ids) => new Set(ids).add(id));
    try {
      return await work();
    } finally {
      this.busy.update((ids) => {
        const next = new Set(ids);
        next.delete(id);
        return next;
      });
    }
  }
}
