import { computed, signal } from '@angular/core';
import { CursorPager, type PageFetcher } from './cursor-pager';
import type { Identified } from './paging';
import type { ApiProblem } from './problem';
import type { Settled } from './sdk-result';

/**
 * The base of the data-access list stores (customers, tickets, macros, triggers, messages): one
 * cursor-paged list with its signals, "load more" and reload, rows changed in place, and the ids
 * of the rows with a request in flight (`busyIds`, e.g. while a row is being deleted).
 * A subclass adds its public `load…(filters)` methods, each calling `list()` with a fetcher that
 * captures the filters, and its row actions.
 */
export abstract class ListStore<T extends Identified> {
  private readonly pager = new CursorPager<T>();
  private readonly busy = signal<ReadonlySet<string>>(new Set());

  readonly items = this.pager.items;
  /** The first page is being (re)loaded. */
  readonly loading = this.pager.loading;
  readonly loadingMore = this.pager.loadingMore;
  /** At least one page has arrived since the last `list()`. */
  readonly loaded = this.pager.loaded;
  readonly error = this.pager.error;
  readonly hasMore = this.pager.hasMore;
  /** Loaded, no error, and nothing in it: time for the empty state. */
  readonly empty = this.pager.empty;
  /** Ids of the rows with a request in flight. */
  readonly busyIds = computed(() => this.busy());

  loadMore(): Promise<void> {
    return this.pager.loadMore();
  }

  /** The first page again, with the filters of the last load (after an error, or to refresh). */
  reload(): Promise<void> {
    return this.pager.reload();
  }

  /** A row just created goes first (the lists are newest first). */
  add(item: T): void {
    this.pager.add(item, 'start');
  }

  /** Shows an edited row in place. */
  replace(item: T): void {
    this.pager.replace(item);
  }

  /** (Re)starts the list; an answer to an earlier, superseded load is dropped. */
  protected list(fetcher: PageFetcher<T>): Promise<void> {
    return this.pager.load(fetcher);
  }

  /** Changes the rows shown (e.g. from a live event); `change` also learns whether more pages follow. */
  protected updateItems(change: (items: readonly T[], hasMore: boolean) => readonly T[]): void {
    this.pager.update(change);
  }

  protected drop(id: string): void {
    this.pager.remove(id);
  }

  protected isBusy(id: string): boolean {
    return this.busy().has(id);
  }

  /** Runs a request for one row, with the row in `busyIds` meanwhile. */
  protected async whileBusy<R>(id: string, work: () => Promise<R>): Promise<R> {
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

  /**
   * Deletes a row with `call` and drops it from the list. Resolves to `null` once it is gone
   * (a 404 means it was gone already, which is what the user wanted), or the problem that kept it.
   */
  protected deleteRow(item: T, call: () => Promise<Settled<unknown>>): Promise<ApiProblem | null> {
    return this.whileBusy(item.id, async () => {
      const result = await call();
      if (result.ok || result.problem.status === 404) {
        this.drop(item.id);
        return null;
      }
      return result.problem;
    });
  }
}
