import type { TicketDto } from '@bw/sdk';
import { removeItem, replaceItem } from '../api/paging';
import { eventTicketId, isTicketEvent, type LiveEvent } from './live-event.types';

type Ticket = TicketDto;

/** Which tickets a list shows, as far as the browser can tell from a ticket alone. */
export interface TicketListScope {
  readonly includes: (ticket: Ticket) => boolean;
  /** A ticket not shown yet may be added (not in a search: which tickets match is the server's call). */
  readonly addsNew: boolean;
}

/** Puts a ticket among newest-first rows by `createdAt`; past the last row only when no page follows. */
export function insertNewestFirst(items: readonly Ticket[], ticket: Ticket, hasMore: boolean): readonly Ticket[] {
  const at = Date.parse(ticket.createdAt);
  const index = items.findIndex((t) => Date.parse(t.createdAt) < at);
  if (index === -1) return hasMore ? items : [...items, ticket];
  return [...items.slice(0, index), ticket, ...items.slice(index)];
}

/**
 * The rows of a ticket list after a live event: a changed ticket replaces its row (unless the
 * row is newer already), leaves the list when it no longer belongs (closed under "Open", given
 * to someone else), or joins it in order when it now does; a deleted ticket, or one the caller
 * lost (the event has no `ticket`), goes. Returns `items` itself when nothing changed.
 */
export function applyTicketEvent(
  items: readonly Ticket[],
  event: LiveEvent,
  scope: TicketListScope,
  hasMore: boolean,
): readonly Ticket[] {
  const id = isTicketEvent(event) ? eventTicketId(event) : null;
  if (id === null) return items;
  const existing = items.find((t) => t.id === id);
  const ticket = event.data.ticket;
  if (event.name === 'ticket.deleted' || !ticket) return existing ? removeItem(items, id) : items;
  if (existing && existing.version > ticket.version) return items;
  if (!scope.includes(ticket)) return existing ? removeItem(items, id) : items;
  if (existing) return replaceItem(items, ticket);
  return scope.addsNew ? insertNewestFirst(items, ticket, hasMore) : items;
}
