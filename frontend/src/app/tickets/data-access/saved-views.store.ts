import { DestroyRef, inject, Injectable, signal } from '@angular/core';
import { countSavedViews, createSavedView, deleteSavedView, listSavedViews, updateSavedView } from '@bw/sdk';
import { merge, Subject, debounceTime } from 'rxjs';
import type { ApiProblem } from '../../core/api/problem';
import { settle, type Settled } from '../../core/api/sdk-result';
import { LiveEvents } from '../../core/live/live-events.service';
import { TICKET_EVENT_NAMES } from '../../core/live/live-event.types';
import type { SavedView, SavedViewCount, ViewQuery } from './saved-views';

/** Live ticket events and navigations within this long of each other refresh the counts once. */
export const COUNTS_DEBOUNCE_MS = 750;

/** The API keeps at most 50 views per user: one page holds them all. */
const VIEWS_PAGE = 100;

/**
 * The caller's saved views and how many tickets each holds. The counts follow the live stream:
 * a burst of ticket events (or of navigations, `countsChanged()`) refreshes them once, after it
 * settles; a stream reset reloads everything. Provide it in the component that shows the views.
 */
@Injectable()
export class SavedViewsStore {
  private readonly all = signal<readonly SavedView[]>([]);
  private readonly countsById = signal<ReadonlyMap<string, SavedViewCount>>(new Map());
  private readonly ready = signal(false);
  private readonly failure = signal<ApiProblem | null>(null);
  private readonly nudges = new Subject<void>();
  /** Only the latest counts request's answer is kept (an older one may arrive last). */
  private countsRequest = 0;

  readonly views = this.all.asReadonly();
  readonly counts = this.countsById.asReadonly();
  readonly loaded = this.ready.asReadonly();
  readonly problem = this.failure.asReadonly();

  constructor() {
    const live = inject(LiveEvents);
    const subscriptions = [
      merge(live.on(...TICKET_EVENT_NAMES), this.nudges)
        .pipe(debounceTime(COUNTS_DEBOUNCE_MS))
        .subscribe(() => void this.refreshCounts()),
      live.reset$.subscribe(() => void this.load()),
    ];
    inject(DestroyRef).onDestroy(() => subscriptions.forEach((s) => s.unsubscribe()));
  }

  /** The views, then their counts. */
  async load(): Promise<void> {
    const result = await settle(() => listSavedViews({ query: { limit: VIEWS_PAGE } }));
    if (!result.ok) {
      this.failure.set(result.problem);
      return;
    }
    this.failure.set(null);
    this.all.set(result.data.items);
    this.ready.set(true);
    await this.refreshCounts();
  }

  /** Something may have changed the counts (a navigation): refresh them once things settle. */
  countsChanged(): void {
    this.nudges.next();
  }

  async refreshCounts(): Promise<void> {
    const request = ++this.countsRequest;
    const result = await settle(() => countSavedViews());
    if (!result.ok || request !== this.countsRequest) return;
    this.countsById.set(new Map(result.data.items.map((c) => [c.id, c])));
  }

  /** Saves `query` under `name`; the new view is listed first (the API's order). */
  async create(name: string, query: ViewQuery): Promise<Settled<SavedView>> {
    const result = await settle(() => createSavedView({ body: { name, filters: query.filters, sort: query.sort } }));
    if (result.ok) {
      this.all.update((views) => [result.data, ...views]);
      void this.refreshCounts();
    }
    return result;
  }

  async rename(view: SavedView, name: string): Promise<Settled<SavedView>> {
    const result = await settle(() =>
      updateSavedView({ path: { id: view.id }, body: { name, version: view.version } }),
    );
    if (result.ok) this.all.update((views) => views.map((v) => (v.id === view.id ? result.data : v)));
    return result;
  }

  /** Deletes a view; resolves to the problem when the server refused (a view already gone counts as deleted). */
  async remove(view: SavedView): Promise<ApiProblem | null> {
    const result = await settle(() => deleteSavedView({ path: { id: view.id } }));
    if (!result.ok && result.problem.status !== 404) return result.problem;
    this.all.update((views) => views.filter((v) => v.id !== view.id));
    this.countsById.update((counts) => {
      const next = new Map(counts);
      next.delete(view.id);
      return next;
    });
    return null;
  }
}
