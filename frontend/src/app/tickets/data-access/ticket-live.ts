import type { TicketListScope } from '../../core/live/ticket-list-events';
import type { Ticket, TicketFilters } from './ticket.model';

/** /tickets: a box of the caller's, maybe by status and search text. */
export function boxScope(filters: TicketFilters, meId: string | null): TicketListScope {
  return {
    includes: (t) => {
      const incoming = t.assignee.id === meId;
      const outgoing = t.creator.id === meId;
      const inBox =
        filters.box === 'incoming' ? incoming : filters.box === 'outgoing' ? outgoing : incoming || outgoing;
      return inBox && (filters.status === null || t.status === filters.status);
    },
    addsNew: filters.q === '',
  };
}

/** /users/:id/tickets: the tickets one user created. */
export function createdByScope(userId: string): TicketListScope {
  return { includes: (t) => t.creator.id === userId, addsNew: true };
}

const COMPARED: readonly [string, (t: Ticket) => unknown][] = [
  ['title', (t) => t.title],
  ['description', (t) => t.description],
  ['customer', (t) => t.customerId],
  ['assignee', (t) => t.assignee.id],
  ['type', (t) => t.type],
  ['priority', (t) => t.priority],
  ['topic', (t) => t.topic],
  ['status', (t) => t.status],
  ['photo', (t) => t.photoUrl ?? null],
  ['due date', (t) => t.dueAt ?? null],
];

/** The fields (in words) that differ between two versions of a ticket, in the form's order. */
export function changedFields(before: Ticket, after: Ticket): readonly string[] {
  return COMPARED.filter(([, read]) => read(before) !== read(after)).map(([name]) => name);
}
