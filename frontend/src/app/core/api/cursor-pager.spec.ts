import { CursorPager } from './cursor-pager';
import type { Page } from './paging';
import type { Settled } from './sdk-result';

const settled = () => new Promise((resolve) => setTimeout(resolve, 0));

interface Row {
  readonly id: string;
}

/** Pages of an oldest-first list that grows at its end: `rows` is the whole list, two to a page. */
function endpoint(rows: string[]) {
  const calls: (string | undefined)[] = [];
  const fetch = async (cursor: string | undefined): Promise<Settled<Page<Row>>> => {
    calls.push(cursor);
    const start = cursor ? Number(cursor) : 0;
    const items = rows.slice(start, start + 2).map((id) => ({ id }));
    return { ok: true, data: { items, nextCursor: start + 2 < rows.length ? String(start + 2) : null } };
  };
  return { calls, fetch };
}

describe('CursorPager.refreshTail', () => {
  it('reads the last page shown again and adds the new rows after it', async () => {
    const rows = ['a', 'b', 'c'];
    const api = endpoint(rows);
    const pager = new CursorPager<Row>();
    await pager.load(api.fetch);
    await pager.loadMore();
    expect(pager.items().map((r) => r.id)).toEqual(['a', 'b', 'c']);
    rows.push('d', 'e');
    await pager.refreshTail();
    expect(api.calls).toEqual([undefined, '2', '2']);
    expect(pager.items().map((r) => r.id)).toEqual(['a', 'b', 'c', 'd']);
    // The page filled up: the rest is behind "Load more", and refreshTail leaves it there.
    expect(pager.hasMore()).toBe(true);
    await pager.refreshTail();
    expect(api.calls).toHaveLength(3);
    await pager.loadMore();
    expect(pager.items().map((r) => r.id)).toEqual(['a', 'b', 'c', 'd', 'e']);
  });

  it('folds calls made while one runs into one more read', async () => {
    const rows = ['a'];
    const api = endpoint(rows);
    const pager = new CursorPager<Row>();
    await pager.load(api.fetch);
    rows.push('b');
    const first = pager.refreshTail();
    void pager.refreshTail();
    void pager.refreshTail();
    await first;
    await settled();
    expect(api.calls).toEqual([undefined, undefined, undefined]);
    expect(pager.items().map((r) => r.id)).toEqual(['a', 'b']);
  });
});
