import { neighbourTicket, rememberTicketOrder } from './ticket-order';

describe('ticket order', () => {
  it('gives the next and previous ticket of the remembered list', () => {
    rememberTicketOrder(['a', 'b', 'c']);
    expect(neighbourTicket('b', 1)).toBe('c');
    expect(neighbourTicket('b', -1)).toBe('a');
  });

  it('gives nothing past either end or for a ticket not in the list', () => {
    rememberTicketOrder(['a', 'b']);
    expect(neighbourTicket('b', 1)).toBeNull();
    expect(neighbourTicket('a', -1)).toBeNull();
    expect(neighbourTicket('z', 1)).toBeNull();
  });

  it('keeps its own copy of the ids', () => {
    const ids = ['a', 'b'];
    rememberTicketOrder(ids);
    ids.reverse();
    expect(neighbourTicket('a', 1)).toBe('b');
  });
});
