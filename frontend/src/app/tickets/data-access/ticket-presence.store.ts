import { computed, DestroyRef, DOCUMENT, inject, Injectable, signal } from '@angular/core';
import { reportTicketPresence } from '@bw/sdk';
import { settle } from '../../core/api/sdk-result';
import { SessionStore } from '../../core/auth/session.store';
import { LiveEvents } from '../../core/live/live-events.service';
import type { PresenceState } from '../../core/live/live-event.types';
import { presenceSentence, presentOn } from './ticket-presence';

/** How often an open ticket page says it is still there (the server forgets a report after 60 s). */
export const PRESENCE_HEARTBEAT_MS = 25_000;

/**
 * Who else has this ticket open, and telling them about the caller: `viewing` on open and every
 * 25 s while open (the server tells others only when the state changes; the reports keep it from
 * expiring), `editing` while the edit dialog is open, `left` on leaving (also when the tab
 * closes). Provide it in the ticket page.
 */
@Injectable()
export class TicketPresenceStore {
  private readonly session = inject(SessionStore);
  private readonly live = inject(LiveEvents);
  /** The ticket the page shows. */
  private readonly current = signal<string | null>(null);
  private mine: Exclude<PresenceState, 'left'> = 'viewing';
  private heartbeat: ReturnType<typeof setInterval> | undefined;

  /** The others here, editors first. */
  readonly others = computed(() => presentOn(this.live.presence(), this.current(), this.session.user()?.id ?? null));
  /** "sam is editing · alex is viewing", or '' when nobody else is here. */
  readonly sentence = computed(() => presenceSentence(this.others()));

  constructor() {
    const view = inject(DOCUMENT).defaultView;
    // The tab closes, or goes into the back/forward cache (then its heartbeat says "viewing" again on return).
    const onPageHide = (): void => this.report('left', true);
    view?.addEventListener('pagehide', onPageHide);
    inject(DestroyRef).onDestroy(() => {
      this.leave();
      view?.removeEventListener('pagehide', onPageHide);
    });
  }

  /** The page opened `ticketId` (leaving the one it showed before). */
  enter(ticketId: string): void {
    if (this.current() === ticketId) return;
    this.leave();
    this.current.set(ticketId);
    this.mine = 'viewing';
    this.report('viewing');
    this.heartbeat = setInterval(() => this.report(this.mine), PRESENCE_HEARTBEAT_MS);
  }

  /** The edit dialog opened (`true`) or closed. */
  editing(open: boolean): void {
    if (this.current() === null) return;
    this.mine = open ? 'editing' : 'viewing';
    this.report(this.mine);
  }

  leave(): void {
    if (this.current() === null) return;
    this.report('left', true);
    clearInterval(this.heartbeat);
    this.heartbeat = undefined;
    this.current.set(null);
  }

  /** Fire and forget: a lost report is repaired by the next heartbeat. `keepalive` outlives a closing tab. */
  private report(state: PresenceState, leaving = false): void {
    const id = this.current();
    if (id === null || !this.session.isLoggedIn()) return;
    void settle(() => reportTicketPresence({ path: { id }, body: { state }, ...(leaving ? { keepalive: true } : {}) }));
  }
}
