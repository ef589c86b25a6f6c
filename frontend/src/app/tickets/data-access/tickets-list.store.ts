import { DestroyRef, inject, Injectable } from '@angular/core';
import { bulkChangeTickets, deleteTicket, listTickets, listUserTickets } from '@bw/sdk';
import { ListStore } from '../../core/api/list-store';
import { pageQuery } from '../../core/api/paging';
import type { ApiProblem } from '../../core/api/problem';
import { settle } from '../../core/api/sdk-result';
import { SessionStore } from '../../core/auth/session.store';
import { LiveEvents } from '../../core/live/live-events.service';
import { TICKET_EVENT_NAMES } from '../../core/live/live-event.types';
import { applyTicketEvent, type TicketListScope } from '../../core/live/ticket-list-events';
import { type BulkAction, type BulkOutcome, chunk, failedOutcomes, idempotencyKey, outcomeOf } from './ticket-bulk';
import { createdByScope } from './ticket-live';
import { listQueryScope, type TicketListQuery, toListTicketsQuery } from './ticket-list-query';
import { type Ticket, TICKETS_PAGE_SIZE } from './ticket.model';

/**
 * A page's list of tickets — the caller's boxes (/tickets) or one user's created tickets
 * (/users/:id/tickets) — with "load more", deleting a row and bulk changes. It follows the live
 * stream: rows change, come and go as others change tickets. Provide it in the page.
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

  /** The caller's incoming / outgoing / all tickets, filtered, searched and sorted as `query` says, or in a saved view. */
  loadBox(query: TicketListQuery, view?: string): Promise<void> {
    this.scope = listQueryScope(query, this.session.user()?.id ?? null);
    const base = { ...toListTicketsQuery(query), ...(view ? { view } : {}) };
    return this.list((cursor) =>
      settle(() => listTickets({ query: { ...base, ...pageQuery(TICKETS_PAGE_SIZE, cursor, query.q) } })),
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

  /**
   * Applies `action` to `ids`, at most 100 per request (one after the other, each with its own
   * `Idempotency-Key`), and resolves to every ticket's outcome in the order of `ids`. Changed rows
   * show the returned ticket in place (or leave when the list's filters no longer take them),
   * deleted rows go.
   */
  async bulk(ids: readonly string[], action: BulkAction): Promise<BulkOutcome[]> {
    const outcomes: BulkOutcome[] = [];
    for (const part of chunk(ids)) {
      const result = await settle(() =>
        bulkChangeTickets({ body: { ids: part, action }, headers: { 'Idempotency-Key': idempotencyKey() } }),
      );
      const done = result.ok ? result.data.results.map(outcomeOf) : failedOutcomes(part, result.problem);
      this.show(action, done);
      outcomes.push(...done);
    }
    return outcomes;
  }

  private show(action: BulkAction, outcomes: readonly BulkOutcome[]): void {
    const scope = this.scope;
    for (const outcome of outcomes) {
      if (!outcome.ok) continue;
      if (action.type === 'delete') this.drop(outcome.id);
      else if (outcome.ticket) {
        const ticket = outcome.ticket;
        this.updateItems((items) => {
          const existing = items.find((t) => t.id === ticket.id);
          if (!existing || existing.version > ticket.version) return items;
          if (scope && !scope.includes(ticket)) return items.filter((t) => t.id !== ticket.id);
          return items.map((t) => (t.id === ticket.id ? ticket : t));
        });
      }
    }
  }
}
