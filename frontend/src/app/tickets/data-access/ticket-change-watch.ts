import { DestroyRef, inject, Injectable, signal } from '@angular/core';
import type { Subscription } from 'rxjs';
import { SessionStore } from '../../core/auth/session.store';
import { LiveEvents } from '../../core/live/live-events.service';
import { isTicketEvent, type UserRef } from '../../core/live/live-event.types';
import type { Ticket } from './ticket.model';

/** Someone else changed the ticket being edited: its newer version, or `null` when it is gone. */
export interface RemoteChange {
  readonly actor: UserRef | null;
  readonly ticket: Ticket | null;
  readonly reason: 'changed' | 'deleted' | 'unshared';
}

/**
 * Watches the live stream for changes that others make to one ticket, so the edit dialog can say
 * so at once instead of only with a 409 on save. The caller's own changes are left out. Provide
 * it in the dialog.
 */
@Injectable()
export class TicketChangeWatch {
  private readonly live = inject(LiveEvents);
  private readonly session = inject(SessionStore);
  private readonly latest = signal<RemoteChange | null>(null);
  private watching: Subscription | null = null;

  /** The newest change by someone else since `watch()`. */
  readonly change = this.latest.asReadonly();

  constructor() {
    inject(DestroyRef).onDestroy(() => this.watching?.unsubscribe());
  }

  watch(ticketId: string): void {
    this.watching?.unsubscribe();
    this.latest.set(null);
    this.watching = this.live.aboutTicket(ticketId).subscribe((event) => {
      const { actor, ticket } = event.data;
      if (!isTicketEvent(event) || (actor !== null && actor.id === this.session.user()?.id)) return;
      if (event.name === 'ticket.deleted' || !ticket) {
        this.latest.set({ actor, ticket: null, reason: event.name === 'ticket.deleted' ? 'deleted' : 'unshared' });
      } else if ((this.latest()?.ticket?.version ?? -1) < ticket.version) {
        this.latest.set({ actor, ticket, reason: 'changed' });
      }
    });
  }
}
