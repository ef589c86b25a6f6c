import { computed, Injectable, signal } from '@angular/core';
import { deleteMacro, listMacros } from '@bw/sdk';
import { CursorPager } from '../../core/api/cursor-pager';
import type { ApiProblem } from '../../core/api/problem';
import { settle } from '../../core/api/sdk-result';
import { type Macro, MACROS_PAGE_SIZE } from './macro.model';

/** /macros: the caller's macros and everyone's shared ones, with search, "load more" and delete. Provide it in the page. */
@Injectable()
export class MacrosListStore {
  private readonly pager = new CursorPager<Macro>();
  private readonly deleting = signal<ReadonlySet<string>>(new Set());

  readonly items = this.pager.items;
  readonly loading = this.pager.loading;
  readonly loadingMore = this.pager.loadingMore;
  readonly error = this.pager.error;
  readonly hasMore = this.pager.hasMore;
  readonly empty = this.pager.empty;
  readonly busyIds = computed(() => this.deleting());

  /** `q` matches the name or description. */
  load(q: string): Promise<void> {
    return this.pager.load((cursor) =>
      settle(() => listMacros({ query: { limit: MACROS_PAGE_SIZE, ...(q ? { q } : {}), ...(cursor ? { cursor } : {}) } })),
    );
  }

  loadMore(): Promise<void> {
    return this.pager.loadMore();
  }

  reload(): Promise<void> {
    return this.pager.reload();
  }

  /** A macro just created goes first (newest first). */
  add(macro: Macro): void {
    this.pager.add(macro, 'start');
  }

  replace(macro: Macro): void {
    this.pager.replace(macro);
  }

  /** Resolves to `null` once the macro is gone, or the problem that kept it. */
  async delete(macro: Macro): Promise<ApiProblem | null> {
    this.deleting.update((ids) => new Set(ids).add(macro.id));
    const result = await settle(() => deleteMacro({ path: { id: macro.id } }));
    this.deleting.update((ids) => {
      const next = new Set(ids);
      next.delete(macro.id);
      return next;
    });
    if (result.ok || result.problem.status === 404) {
      this.pager.remove(macro.id);
      return null;
    }
    return result.problem;
  }
}
