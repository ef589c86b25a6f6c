import { ListStore } from './list-store';
import type { Page } from './paging';
import type { ApiProblem } from './problem';
import type { Settled } from './sdk-result';

interface Row {
  readonly id: string;
  readonly name: string;
}

const problem = (status: number): ApiProblem => ({
  status,
  title: 'No',
  detail: 'Refused',
  fieldErrors: {},
  retryAfterSeconds: null,
});
const page = (ids: string[], nextCursor: string | null = null): Settled<Page<Row>> => ({
  ok: true,
  data: { items: ids.map((id) => ({ id, name: id })), nextCursor },
});

/** A list store over a fake endpoint: pages by query and cursor, answered when the test says so. */
class RowsStore extends ListStore<Row> {
  readonly calls: { q: string; cursor: string | undefined; answer: (result: Settled<Page<Row>>) => void }[] = [];

  load(q: string): Promise<void> {
    return this.list((cursor) => new Promise((answer) => this.calls.push({ q, cursor, answer })));
  }

  delete(row: Row, result: Settled<unknown>): Promise<ApiProblem | null> {
    return this.deleteRow(row, () => Promise.resolve(result));
  }

  /** A row request the test finishes by hand, to look at busyIds meanwhile. */
  hold(id: string): { done: () => void; finished: Promise<void> } {
    let done = () => undefined as void;
    const finished = this.whileBusy(id, () => new Promise<void>((resolve) => (done = resolve)));
    return { done, finished };
  }
}

const settled = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('ListStore', () => {
  it('loads the first page, then the next one after the cursor', async () => {
    const store = new RowsStore();
    const first = store.load('ada');
    expect(store.loading()).toBe(true);
    store.calls[0].answer(page(['a', 'b'], 'c1'));
    await first;
    expect(store.items().map((r) => r.id)).toEqual(['a', 'b']);
    expect([store.loading(), store.loaded(), store.hasMore(), store.empty()]).toEqual([false, true, true, false]);

    const more = store.loadMore();
    expect(store.loadingMore()).toBe(true);
    expect(store.calls[1]).toMatchObject({ q: 'ada', cursor: 'c1' });
    store.calls[1].answer(page(['b', 'c']));
    await more;
    expect(store.items().map((r) => r.id)).toEqual(['a', 'b', 'c']);
    expect(store.hasMore()).toBe(false);
    await store.loadMore();
    expect(store.calls).toHaveLength(2);
  });

  it('drops the answer to a superseded search', async () => {
    const store = new RowsStore();
    const old = store.load('a');
    const latest = store.load('ad');
    store.calls[1].answer(page(['new']));
    store.calls[0].answer(page(['old']));
    await Promise.all([old, latest]);
    expect(store.items().map((r) => r.id)).toEqual(['new']);
  });

  it('shows an error, and reload asks again with the same filters', async () => {
    const store = new RowsStore();
    const first = store.load('x');
    store.calls[0].answer({ ok: false, problem: problem(500) });
    await first;
    expect(store.error()?.status).toBe(500);
    expect(store.empty()).toBe(false);

    const again = store.reload();
    expect(store.calls[1]).toMatchObject({ q: 'x', cursor: undefined });
    store.calls[1].answer(page([]));
    await again;
    expect([store.error(), store.empty()]).toEqual([null, true]);
  });

  it('adds a new row first and replaces an edited one in place', async () => {
    const store = new RowsStore();
    const first = store.load('');
    store.calls[0].answer(page(['a', 'b']));
    await first;
    store.add({ id: 'n', name: 'new' });
    store.replace({ id: 'b', name: 'edited' });
    expect(store.items()).toEqual([
      { id: 'n', name: 'new' },
      { id: 'a', name: 'a' },
      { id: 'b', name: 'edited' },
    ]);
  });

  it('marks a row busy while its request runs', async () => {
    const store = new RowsStore();
    const { done, finished } = store.hold('a');
    expect([...store.busyIds()]).toEqual(['a']);
    done();
    await finished;
    expect(store.busyIds().size).toBe(0);
  });

  it('drops a deleted row, also when it was gone already (404), and keeps it on another problem', async () => {
    const store = new RowsStore();
    const first = store.load('');
    store.calls[0].answer(page(['a', 'b', 'c']));
    await first;
    await expect(store.delete({ id: 'a', name: 'a' }, { ok: true, data: undefined })).resolves.toBeNull();
    await expect(store.delete({ id: 'b', name: 'b' }, { ok: false, problem: problem(404) })).resolves.toBeNull();
    await expect(store.delete({ id: 'c', name: 'c' }, { ok: false, problem: problem(403) })).resolves.toMatchObject({
      status: 403,
    });
    await settled();
    expect(store.items().map((r) => r.id)).toEqual(['c']);
    expect(store.busyIds().size).toBe(0);
  });
});
