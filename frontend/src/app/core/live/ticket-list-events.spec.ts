import type { TicketDto } from '@bw/sdk';
import type { LiveEvent, LiveEventName } from './live-event.types';
import { applyTicketEvent, insertNewestFirst, type TicketListScope } from './ticket-list-events';
import { ticketDto } from '../testing/ticket-dto';

const ada = { id: 'u-ada', username: 'ada' };
const bob = { id: 'u-bob', username: 'bob' };

const ticket = (id: string, day: number, extra: Partial<TicketDto> = {}): TicketDto =>
  ticketDto(id, day, { assigneeId: bob.id, creator: ada, assignee: bob, ...extra });

const event = (name: LiveEventName, data: Partial<LiveEvent['data']>): LiveEvent => ({
  id: '1',
  name,
  data: { actor: bob, at: '2026-02-01T00:00:00Z', ...data },
});

const openOnly: TicketListScope = { includes: (t) => t.status === 'open', addsNew: true };
const ids = (items: readonly TicketDto[]) => items.map((t) => t.id);

describe('applyTicketEvent', () => {
  const rows = [ticket('c', 3), ticket('b', 2), ticket('a', 1)];

  it('shows a newer version in place and ignores an older one', () => {
    const newer = ticket('b', 2, { title: 'Renamed', version: 2 });
    const after = applyTicketEvent(rows, event('ticket.updated', { ticket: newer }), openOnly, false);
    expect(after[1].title).toBe('Renamed');
    const older = ticket('b', 2, { title: 'Old', version: 0 });
    expect(applyTicketEvent(after, event('ticket.updated', { ticket: older }), openOnly, false)).toBe(after);
  });

  it('drops a row that no longer belongs, or was deleted, or was lost (no ticket in the event)', () => {
    const closed = ticket('b', 2, { status: 'closed', version: 2 });
    expect(ids(applyTicketEvent(rows, event('ticket.closed', { ticket: closed }), openOnly, false))).toEqual([
      'c',
      'a',
    ]);
    expect(ids(applyTicketEvent(rows, event('ticket.deleted', { ticketId: 'a' }), openOnly, false))).toEqual([
      'c',
      'b',
    ]);
    expect(ids(applyTicketEvent(rows, event('ticket.updated', { ticketId: 'c' }), openOnly, false))).toEqual([
      'b',
      'a',
    ]);
  });

  it('adds a ticket that now belongs, in newest-first order', () => {
    const created = ticket('d', 4);
    expect(ids(applyTicketEvent(rows, event('ticket.created', { ticket: created }), openOnly, true))).toEqual([
      'd',
      'c',
      'b',
      'a',
    ]);
    const reopened = ticket('m', 2, { createdAt: '2026-01-02T12:00:00Z', version: 3 });
    expect(ids(applyTicketEvent(rows, event('ticket.reopened', { ticket: reopened }), openOnly, true))).toEqual([
      'c',
      'm',
      'b',
      'a',
    ]);
  });

  it('leaves a ticket older than the last row to "Load more", and search results to the server', () => {
    const old = ticket('z', 0);
    expect(applyTicketEvent(rows, event('ticket.updated', { ticket: old }), openOnly, true)).toBe(rows);
    expect(ids(applyTicketEvent(rows, event('ticket.updated', { ticket: old }), openOnly, false))).toEqual([
      'c',
      'b',
      'a',
      'z',
    ]);
    const search: TicketListScope = { includes: () => true, addsNew: false };
    expect(applyTicketEvent(rows, event('ticket.created', { ticket: ticket('d', 4) }), search, false)).toBe(rows);
  });

  it('ignores events that are not about tickets', () => {
    expect(applyTicketEvent(rows, event('comment.created', { ticketId: 'a' }), openOnly, false)).toBe(rows);
    expect(applyTicketEvent(rows, event('ticket.deleted', { ticketId: 'nope' }), openOnly, false)).toBe(rows);
  });
});

describe('insertNewestFirst', () => {
  it('goes first into an empty list', () => {
    expect(ids(insertNewestFirst([], ticket('a', 1), false))).toEqual(['a']);
  });
});
