import { computed, DestroyRef, effect, inject, Injectable, signal, untracked } from '@angular/core';
import { countUnreadMessages } from '@bw/sdk';
import { merge } from 'rxjs';
import { settle } from '../../core/api/sdk-result';
import { SessionStore } from '../../core/auth/session.store';
import { LiveEvents } from '../../core/live/live-events.service';

/**
 * The number of unread inbox messages, for the badge in the nav bar. Asked for at sign-in, and
 * again whenever the live stream says a message was sent or read (or the stream was reset).
 */
@Injectable({ providedIn: 'root' })
export class UnreadMessagesStore {
  private readonly session = inject(SessionStore);
  private readonly state = signal(0);
  private generation = 0;

  /** Unread messages in the inbox; 0 when signed out. */
  readonly count = computed(() => this.state());

  constructor() {
    const live = inject(LiveEvents);
    effect(() => {
      const signedIn = this.session.isLoggedIn();
      untracked(() => {
        if (signedIn) {
          void this.refresh();
        } else {
          this.generation++;
          this.state.set(0);
        }
      });
    });
    const subscription = merge(live.on('message.created', 'message.read'), live.reset$).subscribe(
      () => void this.refresh(),
    );
    inject(DestroyRef).onDestroy(() => subscription.unsubscribe());
  }

  /** Asks the server now; the latest answer wins. A failure keeps the last count (the next event asks again). */
  async refresh(): Promise<void> {
    if (!this.session.isLoggedIn()) return;
    const generation = ++this.generation;
    const result = await settle(() => countUnreadMessages());
    if (generation === this.generation && result.ok && this.session.isLoggedIn()) {
      this.state.set(result.data.count);
    }
  }
}
