import { Injector } from '@angular/core';
import type { SavedViewDto } from '@bw/sdk';
import { LiveEvents } from '../../core/live/live-events.service';
import { FakeLiveEvents } from '../../core/live/live-events.testing';
import { COUNTS_DEBOUNCE_MS, SavedViewsStore } from './saved-views.store';

const api = {
  listSavedViews: jest.fn(),
  countSavedViews: jest.fn(),
  createSavedView: jest.fn(),
  updateSavedView: jest.fn(),
  deleteSavedView: jest.fn(),
};
jest.mock('@bw/sdk', () => ({
  ...jest.requireActual<object>('@bw/sdk'),
  listSavedViews: (...args: unknown[]) => api.listSavedViews(...args),
  countSavedViews: (...args: unknown[]) => api.countSavedViews(...args),
  createSavedView: (...args: unknown[]) => api.createSavedView(...args),
  updateSavedView: (...args: unknown[]) => api.updateSavedView(...args),
  deleteSavedView: (...args: unknown[]) => api.deleteSavedView(...args),
}));

const ok = (data: unknown, status = 200) => ({ data, response: { ok: true, status } });
const refused = (status: number, detail: string) => ({
  error: { type: 'about:blank', title: 'Refused', status, detail },
  response: { ok: false, status, headers: new Headers() },
});

const view = (id: string, name: string, version = 1): SavedViewDto => ({
  id,
  name,
  filters: { status: 'open' },
  sort: 'newest',
  version,
  createdAt: '2026-01-01T00:00:00Z',
  updatedAt: '2026-01-01T00:00:00Z',
});

function setup(views: SavedViewDto[], counts: Record<string, number>) {
  Object.values(api).forEach((fn) => fn.mockReset());
  api.listSavedViews.mockImplementation(async () => ok({ items: views, nextCursor: null }));
  api.countSavedViews.mockImplementation(async () =>
    ok({ items: Object.entries(counts).map(([id, count]) => ({ id, count, capped: count >= 1000 })) }),
  );
  const live = new FakeLiveEvents();
  const injector = Injector.create({
    providers: [
      { provide: LiveEvents, useValue: live },
      { provide: SavedViewsStore, useFactory: () => new SavedViewsStore() },
    ],
  });
  return { live, store: injector.get(SavedViewsStore), injector, counts };
}

/** Lets the promises the store started settle (no timers involved). */
const settled = async () => {
  for (let i = 0; i < 5; i++) await Promise.resolve();
};

afterEach(() => jest.useRealTimers());

describe('SavedViewsStore', () => {
  it('loads the views and then their counts', async () => {
    const { store } = setup([view('b', 'Billing'), view('a', 'Urgent')], { a: 3, b: 1000 });
    expect(store.loaded()).toBe(false);
    await store.load();
    expect(store.views().map((v) => v.name)).toEqual(['Billing', 'Urgent']);
    expect(store.counts().get('a')).toEqual({ id: 'a', count: 3, capped: false });
    expect(store.counts().get('b')).toEqual({ id: 'b', count: 1000, capped: true });
    expect(store.loaded()).toBe(true);
    expect(api.listSavedViews).toHaveBeenCalledWith({ query: { limit: 100 } });
  });

  it('refreshes the counts once after a burst of live ticket events and navigations settles', async () => {
    const { live, store, counts } = setup([view('a', 'Urgent')], { a: 3 });
    await store.load();
    jest.useFakeTimers();
    api.countSavedViews.mockClear();
    counts['a'] = 4;
    live.emit('ticket.created', { ticketId: 't1' });
    store.countsChanged();
    live.emit('ticket.updated', { ticketId: 't1' });
    jest.advanceTimersByTime(COUNTS_DEBOUNCE_MS - 1);
    expect(api.countSavedViews).not.toHaveBeenCalled();
    live.emit('comment.created', { ticketId: 't1' });
    jest.advanceTimersByTime(COUNTS_DEBOUNCE_MS);
    // A comment changes no count: only the ticket events and navigations count.
    expect(api.countSavedViews).toHaveBeenCalledTimes(1);
    await settled();
    expect(store.counts().get('a')?.count).toBe(4);
  });

  it('keeps the answer of the latest counts request when an older one arrives last', async () => {
    const { store } = setup([view('a', 'Urgent')], {});
    let answerFirst!: (value: unknown) => void;
    api.countSavedViews
      .mockImplementationOnce(() => new Promise((resolve) => (answerFirst = resolve)))
      .mockImplementationOnce(async () => ok({ items: [{ id: 'a', count: 7, capped: false }] }));
    const first = store.refreshCounts();
    await store.refreshCounts();
    answerFirst(ok({ items: [{ id: 'a', count: 2, capped: false }] }));
    await first;
    expect(store.counts().get('a')?.count).toBe(7);
  });

  it('reloads everything after a stream reset, and stops listening when it goes', async () => {
    const { live, store, injector } = setup([view('a', 'Urgent')], { a: 1 });
    await store.load();
    live.reset();
    await settled();
    expect(api.listSavedViews).toHaveBeenCalledTimes(2);
    (injector as unknown as { destroy(): void }).destroy();
    live.reset();
    expect(api.listSavedViews).toHaveBeenCalledTimes(2);
  });

  it('lists a saved view first and counts it, renames in place, and drops a deleted one', async () => {
    const { store } = setup([view('a', 'Urgent')], { a: 1 });
    await store.load();
    api.createSavedView.mockResolvedValue(ok(view('n', 'New'), 201));
    const created = await store.create('New', { filters: { priority: ['urgent'] }, sort: 'priority' });
    expect(created.ok).toBe(true);
    expect(api.createSavedView).toHaveBeenCalledWith({
      body: { name: 'New', filters: { priority: ['urgent'] }, sort: 'priority' },
    });
    expect(store.views().map((v) => v.id)).toEqual(['n', 'a']);

    api.updateSavedView.mockResolvedValue(ok(view('a', 'Hot', 2)));
    await store.rename(store.views()[1], 'Hot');
    expect(api.updateSavedView).toHaveBeenCalledWith({ path: { id: 'a' }, body: { name: 'Hot', version: 1 } });
    expect(store.views().map((v) => v.name)).toEqual(['New', 'Hot']);

    api.deleteSavedView.mockResolvedValue(ok(undefined, 204));
    expect(await store.remove(store.views()[1])).toBeNull();
    expect(store.views().map((v) => v.id)).toEqual(['n']);
    expect(store.counts().has('a')).toBe(false);
  });

  it('keeps the list as it was when the server refuses, and says why', async () => {
    const { store } = setup([view('a', 'Urgent')], { a: 1 });
    await store.load();
    api.createSavedView.mockResolvedValue(refused(409, 'You already have a saved view with this name'));
    const clash = await store.create('urgent', { filters: {}, sort: 'newest' });
    expect(clash.ok).toBe(false);
    expect(!clash.ok && clash.problem.detail).toBe('You already have a saved view with this name');
    api.deleteSavedView.mockResolvedValue(refused(500, 'boom'));
    expect((await store.remove(store.views()[0]))?.status).toBe(500);
    expect(store.views().map((v) => v.id)).toEqual(['a']);
  });
});
