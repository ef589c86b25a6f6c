import type { TicketDto } from '@bw/sdk';
import {
  isFiltered,
  listQueryScope,
  NO_FILTERS,
  parseTicketListQuery,
  toListTicketsQuery,
  toQueryParams,
} from './ticket-list-query';

const CUSTOMER = '0b5c7a2e-1111-4222-8333-944455556666';

describe('the /tickets query in the URL', () => {
  it('reads the parameters, keeping only values the API takes, comma lists in the vocabulary’s order', () => {
    const query = parseTicketListQuery({
      box: 'incoming',
      status: 'open',
      priority: 'urgent,bogus,high,urgent',
      type: 'task',
      topic: '',
      customerId: CUSTOMER,
      assigneeId: 'not-an-id',
      q: '  printer ',
      sort: 'priority',
    });
    expect(query).toEqual({
      box: 'incoming',
      status: 'open',
      priority: ['high', 'urgent'],
      type: ['task'],
      topic: [],
      customerId: CUSTOMER,
      assigneeId: null,
      overdue: false,
      q: 'printer',
      sort: 'priority',
    });
    expect(parseTicketListQuery({ sort: 'due' }).sort).toBe('due');
    expect(parseTicketListQuery({ sort: 'sideways' }).sort).toBe('newest');
    expect(isFiltered(query)).toBe(true);
    expect(isFiltered(parseTicketListQuery({ box: 'outgoing', sort: 'oldest' }))).toBe(false);
  });

  it('writes a change back: defaults and empty lists leave the URL', () => {
    expect(toQueryParams({ priority: ['high', 'urgent'], sort: 'updated' })).toEqual({
      priority: 'high,urgent',
      sort: 'updated',
    });
    expect(toQueryParams({ priority: [], sort: 'newest', q: '', status: null })).toEqual({
      priority: null,
      sort: null,
      q: null,
      status: null,
    });
  });

  it('asks the API for what the URL says, and only that', () => {
    expect(toListTicketsQuery(parseTicketListQuery({ topic: 'billing,hr', sort: 'oldest' }))).toEqual({
      box: 'all',
      topic: 'billing,hr',
      sort: 'oldest',
    });
  });

  it('lets a live ticket into the list only when it passes every filter, and adds new ones only newest first', () => {
    const t = { priority: 'high', type: 'task', topic: 'hr', status: 'open', customerId: CUSTOMER } as TicketDto;
    const mine = { ...t, assignee: { id: 'me', username: 'me' }, creator: { id: 'x', username: 'x' } } as TicketDto;
    const scope = listQueryScope(parseTicketListQuery({ priority: 'high', customerId: CUSTOMER }), 'me');
    expect(scope.includes(mine)).toBe(true);
    expect(scope.includes({ ...mine, priority: 'low' })).toBe(false);
    expect(scope.includes({ ...mine, customerId: 'other' })).toBe(false);
    expect(scope.addsNew).toBe(true);
    expect(listQueryScope(parseTicketListQuery({ sort: 'priority' }), 'me').addsNew).toBe(false);
  });

  it('reads "Overdue only" from ?overdue=true alone, and counts it as a filter that Clear filters clears', () => {
    expect(parseTicketListQuery({ overdue: 'true' }).overdue).toBe(true);
    for (const overdue of ['false', 'TRUE', '1', '', null, undefined])
      expect(parseTicketListQuery({ overdue }).overdue).toBe(false);
    expect(isFiltered(parseTicketListQuery({ overdue: 'true' }))).toBe(true);
    expect(isFiltered(parseTicketListQuery({ sort: 'due' }))).toBe(false);
    expect(toQueryParams(NO_FILTERS)['overdue']).toBeNull();
  });

  it('writes "Overdue only" and the due sort back to the URL, and drops them at their defaults', () => {
    expect(toQueryParams({ overdue: true, sort: 'due' })).toEqual({ overdue: 'true', sort: 'due' });
    expect(toQueryParams({ overdue: false })).toEqual({ overdue: null });
    expect(toQueryParams({ status: 'open' })).not.toHaveProperty('overdue');
  });

  it('asks the API for overdue: true only when the URL says so, and for sort=due', () => {
    expect(toListTicketsQuery(parseTicketListQuery({ overdue: 'true', sort: 'due' }))).toEqual({
      box: 'all',
      overdue: true,
      sort: 'due',
    });
    expect(toListTicketsQuery(parseTicketListQuery({ overdue: 'false' }))).toEqual({ box: 'all' });
  });

  it('with "Overdue only", keeps a live ticket only while its snapshot is overdue', () => {
    const mine = {
      priority: 'high',
      type: 'task',
      topic: 'hr',
      status: 'open',
      customerId: CUSTOMER,
      dueAt: '2020-01-01T00:00:00.000Z',
      overdue: true,
      assignee: { id: 'me', username: 'me' },
      creator: { id: 'x', username: 'x' },
    } as TicketDto;
    const overdueOnly = listQueryScope(parseTicketListQuery({ overdue: 'true' }), 'me');
    expect(overdueOnly.includes(mine)).toBe(true);
    expect(overdueOnly.includes({ ...mine, overdue: false })).toBe(false);
    expect(overdueOnly.includes({ ...mine, dueAt: null, overdue: false })).toBe(false);
    expect(overdueOnly.addsNew).toBe(true);
    const everything = listQueryScope(parseTicketListQuery({}), 'me');
    expect(everything.includes({ ...mine, overdue: false })).toBe(true);
    expect(listQueryScope(parseTicketListQuery({ overdue: 'true', sort: 'due' }), 'me').addsNew).toBe(false);
  });
});
