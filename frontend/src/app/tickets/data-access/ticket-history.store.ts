import { DestroyRef, inject, Injectable } from '@angular/core';
import { listTicketHistory } from '@bw/sdk';
import type { Subscription } from 'rxjs';
import { CursorPager } from '../../core/api/cursor-pager';
import { settle } from '../../core/api/sdk-result';
import { LiveEvents } from '../../core/live/live-events.service';
import type { HistoryEntry } from './ticket-history';

export const HISTORY_PAGE_SIZE = 20;

/**
 * A ticket's history, oldest first, a page at a time ("Load more"). Each live event about the
 * ticket reads the end again, so a change shows up in the timeline as it happens. Provide it in
 * the ticket page.
 */
@Injectable()
export class TicketHistoryStore {
  private readonly live = inject(LiveEvents);
  private watching: Subscription | null = null;
  readonly entries = new CursorPager<HistoryEntry>();

  constructor() {
    const resets = this.live.reset$.subscribe(() => void this.entries.reload());
    inject(DestroyRef).onDestroy(() => {
      resets.unsubscribe();
      this.watching?.unsubscribe();
    });
  }

  load(ticketId: string): Promise<void> {
    this.watching?.unsubscribe();
    this.watching = this.live.aboutTicket(ticketId).subscribe(() => void this.entries.refreshTail());
    return this.entries.load((cursor) =>
      settle(() =>
        listTicketHistory({
          path: { id: ticketId },
          query: { limit: HISTORY_PAGE_SIZE, ...(cursor ? { cursor } : {}) },
        }),
      ),
    );
  }

  loadMore(): Promise<void> {
    return this.entries.loadMore();
  }
}
