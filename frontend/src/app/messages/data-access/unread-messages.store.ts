import { computed, DestroyRef, DOCUMENT, effect, inject, Injectable, signal, untracked } from '@angular/core';
import { countUnreadMessages } from '@bw/sdk';
import { settle } from '../../core/api/sdk-result';
import { SessionStore } from '../../core/auth/session.store';
import { Poller } from './poller';

/** How often the nav bar asks for the unread count. */
export const UNREAD_POLL_MS = 30_000;

/**
 * The number of unread inbox messages, for the badge in the nav bar. Polled every 30 s while
 * someone is signed in (not while the tab is hidden), and refreshed after marking one read.
 */
@Injectable({ providedIn: 'root' })
export class UnreadMessagesStore {
  private readonly session = inject(SessionStore);
  private readonly doc = inject(DOCUMENT);
  private readonly state = signal(0);
  private generation = 0;
  private readonly poller = new Poller(
    () => this.refresh(),
    UNREAD_POLL_MS,
    () => this.doc.visibilityState === 'hidden',
    this.doc,
  );

  /** Unread messages in the inbox; 0 when signed out. */
  readonly count = computed(() => this.state());

  constructor() {
    effect(() => {
      const signedIn = this.session.isLoggedIn();
      untracked(() => {
        if (signedIn) {
          this.poller.start();
        } else {
          this.poller.stop();
          this.generation++;
          this.state.set(0);
        }
      });
    });
    inject(DestroyRef).onDestroy(() => this.poller.stop());
  }

  /** Asks the server now. A failure keeps the last count (the next poll tries again). */
  async refresh(): Promise<void> {
    if (!this.session.isLoggedIn()) return;
    const generation = ++this.generation;
    const result = await settle(() => countUnreadMessages());
    if (generation === this.generation && result.ok && this.session.isLoggedIn()) {
      this.state.set(result.data.count);
    }
  }
}
