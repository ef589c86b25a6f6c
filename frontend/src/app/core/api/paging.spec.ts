import { appendPage, pageQuery, removeItem, replaceItem } from './paging';

const row = (id: string, label = id) => ({ id, label });

describe('appendPage', () => {
  it('adds the next page after the rows already shown', () => {
    expect(appendPage([row('a'), row('b')], [row('c')]).map((r) => r.id)).toEqual(['a', 'b', 'c']);
  });

  it('does not repeat a row that is already on screen', () => {
    expect(appendPage([row('a'), row('b')], [row('b', 'again'), row('c')])).toEqual([row('a'), row('b'), row('c')]);
  });
});

describe('replaceItem / removeItem', () => {
  it('swaps a changed row in place and ignores unknown ids', () => {
    const items = [row('a'), row('b')];
    expect(replaceItem(items, row('b', 'edited'))).toEqual([row('a'), row('b', 'edited')]);
    expect(replaceItem(items, row('z'))).toEqual(items);
  });

  it('drops a deleted row', () => {
    expect(removeItem([row('a'), row('b')], 'a')).toEqual([row('b')]);
  });
});

describe('pageQuery', () => {
  it('sends the search text and the cursor only when there are any', () => {
    expect(pageQuery(20, undefined)).toEqual({ limit: 20 });
    expect(pageQuery(20, undefined, '')).toEqual({ limit: 20 });
    expect(pageQuery(10, 'c1', 'ada')).toEqual({ limit: 10, q: 'ada', cursor: 'c1' });
  });
});
