import { Injectable } from '@angular/core';
import { deleteTicket, listTickets, listUserTickets } from '@bw/sdk';
import { ListStore } from '../../core/api/list-store';
import { pageQuery } from '../../core/api/paging';
import type { ApiProblem } from '../../core/api/problem';
import { settle } from '../../core/api/sdk-result';
import { type Ticket, type TicketFilters, TICKETS_PAGE_SIZE } from './ticket.model';

/**
 * A page's list of tickets — the caller's boxes (/tickets) or one user's created tickets
 * (/users/:id/tickets) — with "load more" and deleting a row. Provide it in the page.
 */
@Injectable()
export class TicketsListStore extends ListStore<Ticket> {
  /** The caller's incoming / outgoing / all tickets, optionally by status and search text. */
  loadBox(filters: TicketFilters): Promise<void> {
    return this.list((cursor) =>
      settle(() =>
        listTickets({
          query: {
            box: filters.box,
            ...(filters.status ? { status: filters.status } : {}),
            ...pageQuery(TICKETS_PAGE_SIZE, cursor, filters.q),
          },
        }),
      ),
    );
  }

  /** Tickets created by `userId` that the caller may see. */
  loadCreatedBy(userId: string): Promise<void> {
    return this.list((cursor) =>
      settle(() => listUserTickets({ path: { id: userId }, query: pageQuery(TICKETS_PAGE_SIZE, cursor) })),
    );
  }

  /** Deletes a ticket and drops its row; resolves to the problem when the server refused. */
  delete(ticket: Ticket): Promise<ApiProblem | null> {
    return this.deleteRow(ticket, () => settle(() => deleteTicket({ path: { id: ticket.id } })));
  }
}
