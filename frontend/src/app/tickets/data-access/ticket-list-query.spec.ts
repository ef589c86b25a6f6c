import type { TicketDto } from '@bw/sdk';
import {
  isFiltered,
  listQueryScope,
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
      q: 'printer',
      sort: 'priority',
    });
    expect(parseTicketListQuery({ sort: 'due' }).sort).toBe('newest');
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
});
