import { computed, signal } from '@angular/core';
import {
  appendPage,
  EMPTY_PAGER_STATE,
  type Identified,
  type Page,
  type PagerState,
  removeItem,
  replaceItem,
} from './paging';
import type { Settled } from './sdk-result';

/** Fetches one page; `cursor` is undefined for the first. */
export type PageFetcher<T> = (cursor: string | undefined) => Promise<Settled<Page<T>>>;

/**
 * Cursor pagination in signals, for the data-access stores: `load()` (re)starts a list with a
 * fetcher that captures the current query, `loadMore()` follows `nextCursor`. An answer to a
 * superseded query (the user typed on) is dropped instead of overwriting the newer one.
 */
export class CursorPager<T extends Identified> {
  private readonly state = signal<PagerState<T>>(EMPTY_PAGER_STATE);
  private fetcher: PageFetcher<T> | null = null;
  private generation = 0;
  /** The cursor the last page shown was read with (`undefined`: the first page). */
  private tailCursor: string | undefined;
  private tail: Promise<void> | null = null;
  private tailAgain = false;

  readonly items = computed(() => this.state().items);
  readonly loading = computed(() => this.state().loading);
  readonly loadingMore = computed(() => this.state().loadingMore);
  readonly loaded = computed(() => this.state().loaded);
  readonly error = computed(() => this.state().error);
  readonly hasMore = computed(() => this.state().nextCursor !== null);
  /** Loaded, no error, and nothing in it: time for the empty state. */
  readonly empty = computed(() => {
    const s = this.state();
    return s.loaded && !s.loading && s.error === null && s.items.length === 0;
  });

  async load(fetcher: PageFetcher<T>): Promise<void> {
    this.fetcher = fetcher;
    this.tailCursor = undefined;
    const generation = ++this.generation;
    this.state.update((s) => ({ ...s, loading: true, loadingMore: false, error: null }));
    const result = await fetcher(undefined);
    if (generation !== this.generation) {
      return;
    }
    if (result.ok) {
      this.state.set({
        ...EMPTY_PAGER_STATE,
        items: result.data.items,
        nextCursor: result.data.nextCursor,
        loaded: true,
      });
    } else {
      this.state.set({ ...EMPTY_PAGER_STATE, loaded: true, error: result.problem });
    }
  }

  /** Loads the page again with the last fetcher (after an error, or to refresh). */
  reload(): Promise<void> {
    return this.fetcher ? this.load(this.fetcher) : Promise.resolve();
  }

  async loadMore(): Promise<void> {
    const { nextCursor, loading, loadingMore } = this.state();
    const fetcher = this.fetcher;
    if (nextCursor === null || loading || loadingMore || fetcher === null) {
      return;
    }
    const generation = this.generation;
    this.state.update((s) => ({ ...s, loadingMore: true, error: null }));
    const result = await fetcher(nextCursor);
    if (generation !== this.generation) {
      return;
    }
    if (result.ok) {
      this.tailCursor = nextCursor;
      this.state.update((s) => ({
        ...s,
        items: appendPage(s.items, result.data.items),
        nextCursor: result.data.nextCursor,
        loadingMore: false,
      }));
    } else {
      this.state.update((s) => ({ ...s, loadingMore: false, error: result.problem }));
    }
  }

  /**
   * For an oldest-first list that grows at its end (a ticket's history): reads the last page shown
   * again and adds what is new after it. Only once every page is shown ("Load more" brings new rows
   * otherwise). Calls while one runs are folded into one more read after it. Failures are quiet:
   * the rows shown stay, and the next call tries again.
   */
  refreshTail(): Promise<void> {
    if (this.tail) {
      this.tailAgain = true;
      return this.tail;
    }
    this.tail = this.readTail().finally(() => {
      this.tail = null;
      if (this.tailAgain) {
        this.tailAgain = false;
        void this.refreshTail();
      }
    });
    return this.tail;
  }

  private async readTail(): Promise<void> {
    const { loaded, loading, loadingMore, nextCursor, error } = this.state();
    const fetcher = this.fetcher;
    if (!loaded || loading || loadingMore || nextCursor !== null || error !== null || fetcher === null) return;
    const generation = this.generation;
    const result = await fetcher(this.tailCursor);
    if (generation !== this.generation || !result.ok || this.state().loadingMore) return;
    this.state.update((s) => ({
      ...s,
      items: appendPage(s.items, result.data.items),
      nextCursor: result.data.nextCursor,
    }));
  }

  replace(item: T): void {
    this.state.update((s) => ({ ...s, items: replaceItem(s.items, item) }));
  }

  remove(id: string): void {
    this.state.update((s) => ({ ...s, items: removeItem(s.items, id) }));
  }

  /** Changes the rows shown (a live event); `change` also learns whether more pages follow. */
  update(change: (items: readonly T[], hasMore: boolean) => readonly T[]): void {
    this.state.update((s) => {
      const items = change(s.items, s.nextCursor !== null);
      return items === s.items ? s : { ...s, items };
    });
  }

  /** Adds a row that was just created: first for newest-first lists, last for the conversation. */
  add(item: T, where: 'start' | 'end'): void {
    this.state.update((s) => {
      const rest = removeItem(s.items, item.id);
      return { ...s, items: where === 'start' ? [item, ...rest] : [...rest, item] };
    });
  }
}
