import { DestroyRef, inject, Injectable } from '@angular/core';
import { deleteTicket, listTickets, listUserTickets } from '@bw/sdk';
import { ListStore } from '../../core/api/list-store';
import { pageQuery } from '../../core/api/paging';
import type { ApiProblem } from '../../core/api/problem';
import { settle } from '../../core/api/sdk-result';
import { SessionStore } from '../../core/auth/session.store';
import { LiveEvents } from '../../core/live/live-events.service';
import { TICKET_EVENT_NAMES } from '../../core/live/live-event.types';
import { applyTicketEvent, type TicketListScope } from '../../core/live/ticket-list-events';
import { boxScope, createdByScope } from './ticket-live';
import { type Ticket, type TicketFilters, TICKETS_PAGE_SIZE } from './ticket.model';

/**
 * A page's list of tickets — the caller's boxes (/tickets) or one user's created tickets
 * (/users/:id/tickets) — with "load more" and deleting a row. It follows the live stream:
 * rows change, come and go as others change tickets. Provide it in the page.
 */
@Injectable()
export class TicketsListStore extends ListStore<Ticket> {
  private readonly session = inject(SessionStore);
  private scope: TicketListScope | null = null;

  constructor() {
    super();
    const live = inject(LiveEvents);
    const subscriptions = [
      live.on(...TICKET_EVENT_NAMES).subscribe((event) => {
        const scope = this.scope;
        if (scope) this.updateItems((items, hasMore) => applyTicketEvent(items, event, scope, hasMore));
      }),
      live.reset$.subscribe(() => void this.reload()),
    ];
    inject(DestroyRef).onDestroy(() => subscriptions.forEach((s) => s.unsubscribe()));
  }

  /** The caller's incoming / outgoing / all tickets, optionally by status and search text, or in a saved view. */
  loadBox(filters: TicketFilters, view?: string): Promise<void> {
    this.scope = boxScope(filters, this.session.user()?.id ?? null);
    return this.list((cursor) =>
      settle(() =>
        listTickets({
          query: {
            box: filters.box,
            ...(filters.status ? { status: filters.status } : {}),
            ...(view ? { view } : {}),
            ...pageQuery(TICKETS_PAGE_SIZE, cursor, filters.q),
          },
        }),
      ),
    );
  }

  /** Tickets created by `userId` that the caller may see. */
  loadCreatedBy(userId: string): Promise<void> {
    this.scope = createdByScope(userId);
    return this.list((cursor) =>
      settle(() => listUserTickets({ path: { id: userId }, query: pageQuery(TICKETS_PAGE_SIZE, cursor) })),
    );
  }

  /** Deletes a ticket and drops its row; resolves to the problem when the server refused. */
  delete(ticket: Ticket): Promise<ApiProblem | null> {
    return this.deleteRow(ticket, () => settle(() => deleteTicket({ path: { id: ticket.id } })));
  }
}
