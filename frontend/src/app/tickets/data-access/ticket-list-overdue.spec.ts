import type { TicketDto } from '@bw/sdk';
import type { LiveEvent, LiveEventName } from '../../core/live/live-event.types';
import { applyTicketEvent } from '../../core/live/ticket-list-events';
import { listQueryScope, parseTicketListQuery } from './ticket-list-query';
import { ticketDto } from '../../core/testing/ticket-dto';

const me = { id: 'u-me', username: 'me' };

const ticket = (id: string, day: number, extra: Partial<TicketDto> = {}): TicketDto =>
  ticketDto(id, day, {
    assigneeId: me.id,
    creator: me,
    assignee: me,
    dueAt: `2026-01-${String(day + 1).padStart(2, '0')}T00:00:00Z`,
    overdue: true,
    ...extra,
  });

const event = (name: LiveEventName, t: TicketDto): LiveEvent => ({
  id: '1',
  name,
  data: { actor: null, at: '2026-02-01T00:00:00Z', ticketId: t.id, ticket: t },
});

const ids = (items: readonly TicketDto[]) => items.map((t) => t.id);

describe('live updates of /tickets?overdue=true', () => {
  const scope = listQueryScope(parseTicketListQuery({ overdue: 'true' }), me.id);
  const rows = [ticket('c', 3), ticket('a', 1)];

  it('takes in a ticket when ticket.overdue says it went overdue, in its newest-first place', () => {
    const b = ticket('b', 2);
    expect(ids(applyTicketEvent(rows, event('ticket.overdue', b), scope, false))).toEqual(['c', 'b', 'a']);
  });

  it('keeps a new ticket that is not overdue out, and lets in one created overdue', () => {
    const fresh = ticket('d', 4, { dueAt: null, overdue: false });
    expect(applyTicketEvent(rows, event('ticket.created', fresh), scope, false)).toBe(rows);
    const late = ticket('d', 4);
    expect(ids(applyTicketEvent(rows, event('ticket.created', late), scope, false))).toEqual(['d', 'c', 'a']);
  });

  it('drops a row that is no longer overdue (closed, or given a later due time)', () => {
    const closed = ticket('c', 3, { status: 'closed', overdue: false, version: 2 });
    expect(ids(applyTicketEvent(rows, event('ticket.closed', closed), scope, false))).toEqual(['a']);
    const later = ticket('a', 1, { dueAt: '2099-01-01T00:00:00Z', overdue: false, version: 2 });
    expect(ids(applyTicketEvent(rows, event('ticket.updated', later), scope, false))).toEqual(['c']);
  });

  it('updates a row in place on ticket.overdue, and takes in nothing new when sorted by due', () => {
    const changed = ticket('a', 1, { title: 'Renamed', version: 2 });
    const after = applyTicketEvent(rows, event('ticket.overdue', changed), scope, false);
    expect(after.find((t) => t.id === 'a')?.title).toBe('Renamed');
    const byDue = listQueryScope(parseTicketListQuery({ overdue: 'true', sort: 'due' }), me.id);
    expect(applyTicketEvent(rows, event('ticket.overdue', ticket('b', 2)), byDue, false)).toBe(rows);
  });

  it('without the filter, a ticket that is not overdue stays', () => {
    const all = listQueryScope(parseTicketListQuery({}), me.id);
    const calm = ticket('a', 1, { overdue: false, version: 2 });
    expect(ids(applyTicketEvent(rows, event('ticket.updated', calm), all, false))).toEqual(['c', 'a']);
  });
});
