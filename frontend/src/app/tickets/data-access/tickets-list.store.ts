import { computed, Injectable, signal } from '@angular/core';
import { deleteTicket, listTickets, listUserTickets } from '@bw/sdk';
import { CursorPager } from '../../core/api/cursor-pager';
import type { ApiProblem } from '../../core/api/problem';
import { settle } from '../../core/api/sdk-result';
import { type Ticket, type TicketFilters, TICKETS_PAGE_SIZE } from './ticket.model';

/**
 * A page's list of tickets — the caller's boxes (/tickets) or one user's created tickets
 * (/users/:id/tickets) — with "load more" and deleting a row. Provide it in the page.
 */
@Injectable()
export class TicketsListStore {
  private readonly pager = new CursorPager<Ticket>();
  private readonly deleting = signal<ReadonlySet<string>>(new Set());

  readonly items = this.pager.items;
  readonly loading = this.pager.loading;
  readonly loadingMore = this.pager.loadingMore;
  readonly loaded = this.pager.loaded;
  readonly error = this.pager.error;
  readonly hasMore = this.pager.hasMore;
  readonly empty = this.pager.empty;
  /** Ids of tickets whose deletion is in flight. */
  readonly busyIds = computed(() => this.deleting());

  /** The caller's incoming / outgoing / all tickets, optionally by status and search text. */
  loadBox(filters: TicketFilters): Promise<void> {
    return this.pager.load((cursor) =>
      settle(() =>
        listTickets({
          query: {
            box: filters.box,
            limit: TICKETS_PAGE_SIZE,
            ...(filters.status ? { status: filters.status } : {}),
            ...(filters.q ? { q: filters.q } : {}),
            ...(cursor ? { cursor } : {}),
          },
        }),
      ),
    );
  }

  /** Tickets created by `userId` that the caller may see. */
  loadCreatedBy(userId: string): Promise<void> {
    return this.pager.load((cursor) =>
      settle(() => listUserTickets({ path: { id: userId }, query: { limit: TICKETS_PAGE_SIZE, ...(cursor ? { cursor } : {}) } })),
    );
  }

  loadMore(): Promise<void> {
    return this.pager.loadMore();
  }

  reload(): Promise<void> {
    return this.pager.reload();
  }

  /** Shows an edited ticket in place. */
  replace(ticket: Ticket): void {
    this.pager.replace(ticket);
  }

  /** Deletes a ticket and drops its row; resolves to the problem when the server refused. */
  async delete(ticket: Ticket): Promise<ApiProblem | null> {
    this.deleting.update((ids) => new Set(ids).add(ticket.id));
    const result = await settle(() => deleteTicket({ path: { id: ticket.id } }));
    this.deleting.update((ids) => {
      const next = new Set(ids);
      next.delete(ticket.id);
      return next;
    });
    // 404: it is gone already, which is what the user wanted.
    if (result.ok || result.problem.status === 404) {
      this.pager.remove(ticket.id);
      return null;
    }
    return result.problem;
  }
}
