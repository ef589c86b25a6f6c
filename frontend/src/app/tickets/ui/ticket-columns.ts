import type { TicketSort } from '../data-access/ticket-list-query';
import type { Ticket } from '../data-access/ticket.model';

/** The order a header's sort button asks for, and what `aria-sort` says while it is on. */
export interface ColumnSort {
  readonly sort: TicketSort;
  readonly direction: 'ascending' | 'descending';
}

/**
 * One column of the tickets table. A column with `text` is drawn by the table as plain text; the
 * others have their own cell in the table's template (`id` picks it). `sorts` are the orders its
 * header button steps through (the number column: newest, then oldest).
 */
export interface TicketColumn {
  readonly id: string;
  readonly header: string;
  readonly sorts?: readonly ColumnSort[];
  readonly text?: (ticket: Ticket) => string;
  /** Hidden on a phone's card (the card shows it another way, or has no room). */
  readonly desktopOnly?: boolean;
}

/** The table's columns, left to right; adding one is one more entry. */
export const TICKET_COLUMNS: readonly TicketColumn[] = [
  {
    id: 'number',
    header: 'Number',
    sorts: [
      { sort: 'newest', direction: 'descending' },
      { sort: 'oldest', direction: 'ascending' },
    ],
  },
  { id: 'title', header: 'Title' },
  { id: 'customer', header: 'Customer' },
  // A no-break space keeps the arrow with "Requester" when the header takes two lines.
  { id: 'people', header: 'Requester\u00a0→ assignee' },
  { id: 'status', header: 'Status' },
  { id: 'priority', header: 'Priority', sorts: [{ sort: 'priority', direction: 'descending' }] },
  { id: 'due', header: 'Due', sorts: [{ sort: 'due', direction: 'ascending' }] },
  { id: 'updated', header: 'Updated', sorts: [{ sort: 'updated', direction: 'descending' }] },
];

/** The `aria-sort` of a column while the list is in `sort` order. */
export function ariaSort(column: TicketColumn, sort: TicketSort): 'ascending' | 'descending' | null {
  return column.sorts?.find((s) => s.sort === sort)?.direction ?? null;
}

/** The order a click on the column's header asks for: its first, or the next one when it is on already. */
export function nextSort(column: TicketColumn, sort: TicketSort): TicketSort | null {
  const sorts = column.sorts ?? [];
  if (sorts.length === 0) return null;
  const at = sorts.findIndex((s) => s.sort === sort);
  return sorts[(at + 1) % sorts.length].sort;
}
