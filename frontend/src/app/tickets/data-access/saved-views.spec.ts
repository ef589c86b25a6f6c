import type { SavedViewDto } from '@bw/sdk';
import {
  countText,
  hasQueryParams,
  queryFromParams,
  sameQuery,
  ticketsWord,
  viewLabel,
  viewParams,
} from './saved-views';

const view = (extra: Partial<SavedViewDto> = {}): SavedViewDto => ({
  id: 'v1',
  name: 'Urgent open',
  filters: { status: 'open', priority: ['urgent', 'high'] },
  sort: 'priority',
  version: 1,
  createdAt: '2026-01-01T00:00:00Z',
  updatedAt: '2026-01-01T00:00:00Z',
  ...extra,
});

describe('saved view queries', () => {
  it('reads the URL as the API would, dropping what it would refuse', () => {
    expect(
      queryFromParams({
        box: 'incoming',
        status: 'bogus',
        priority: 'urgent,later,high,urgent',
        topic: '',
        customerId: 'not-an-id',
        q: '  printer ',
        overdue: 'true',
        sort: 'sideways',
      }),
    ).toEqual({
      filters: { box: 'incoming', priority: ['high', 'urgent'], q: 'printer', overdue: true },
      sort: 'newest',
    });
    expect(queryFromParams({ box: 'all' })).toEqual({ filters: {}, sort: 'newest' });
  });

  it('keeps the due sort and "Overdue only", and spells a view of them back out', () => {
    expect(queryFromParams({ overdue: 'true', sort: 'due' })).toEqual({ filters: { overdue: true }, sort: 'due' });
    const params = viewParams(view({ filters: { overdue: true }, sort: 'due' }));
    expect(params['overdue']).toBe('true');
    expect(params['sort']).toBe('due');
    expect(sameQuery({ filters: { overdue: true }, sort: 'due' }, { filters: { overdue: true }, sort: 'newest' })).toBe(
      false,
    );
  });

  it('spells a view out in the URL, clearing what it leaves open, and reads back the same query', () => {
    const params = viewParams(view());
    expect(params).toEqual({
      view: 'v1',
      box: null,
      status: 'open',
      priority: 'urgent,high',
      type: null,
      topic: null,
      customerId: null,
      q: null,
      overdue: null,
      sort: 'priority',
    });
    const back = Object.fromEntries(Object.entries(params).filter(([, v]) => v !== null)) as Record<string, string>;
    expect(sameQuery(view(), queryFromParams(back))).toBe(true);
    expect(viewParams(view({ sort: 'newest' }))['sort']).toBeNull();
  });

  it('compares queries ignoring list order, repeats and box all, but not a changed filter or sort', () => {
    const a = {
      filters: { box: 'all' as const, priority: ['high', 'urgent'] as ('high' | 'urgent')[] },
      sort: 'newest' as const,
    };
    expect(sameQuery(a, { filters: { priority: ['urgent', 'high'] }, sort: 'newest' })).toBe(true);
    expect(sameQuery(a, { filters: { priority: ['urgent'] }, sort: 'newest' })).toBe(false);
    expect(sameQuery(a, { filters: { priority: ['urgent', 'high'] }, sort: 'oldest' })).toBe(false);
    expect(sameQuery(a, { filters: { priority: ['urgent', 'high'], status: 'open' }, sort: 'newest' })).toBe(false);
  });

  it('tells a bare ?view= from a URL with filters', () => {
    expect(hasQueryParams({ view: 'v1' })).toBe(false);
    expect(hasQueryParams({ view: 'v1', q: '' })).toBe(false);
    expect(hasQueryParams({ view: 'v1', sort: 'oldest' })).toBe(true);
  });

  it('reads counts out: exact, one, and capped', () => {
    expect(ticketsWord({ id: 'v1', count: 12, capped: false })).toBe(' tickets');
    expect(ticketsWord({ id: 'v1', count: 1, capped: false })).toBe(' ticket');
    expect(ticketsWord({ id: 'v1', count: 0, capped: false })).toBe(' tickets');
    expect(ticketsWord({ id: 'v1', count: 1000, capped: true })).toBe(' tickets');
    expect(viewLabel(view(), { id: 'v1', count: 12, capped: false })).toBe('Urgent open, 12 tickets');
    expect(viewLabel(view(), { id: 'v1', count: 1000, capped: true })).toBe('Urgent open, 1000+ tickets');
    expect(viewLabel(view(), undefined)).toBe('Urgent open');
    expect(countText({ id: 'v1', count: 1000, capped: true })).toBe('1000+');
    expect(countText({ id: 'v1', count: 0, capped: false })).toBe('0');
    expect(countText(undefined)).toBe('');
  });
});
