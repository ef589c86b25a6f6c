import { inject, Injectable, signal } from '@angular/core';
import { DraftStore, draftKey } from '../drafts/draft-store';

/**
 * The "Your session expired" banner: set when an API call answers 401 mid-use, shown above
 * /login, dropped once the user is signed in again (or dismisses it). It says so when the text
 * the user was typing is kept, which it is whenever a draft was being written.
 */
@Injectable({ providedIn: 'root' })
export class SessionExpiryNotice {
  private readonly drafts = inject(DraftStore);
  readonly message = signal<string | null>(null);

  /** The session of `userId` ended while the user was at `url`. */
  expired(userId: string | null, url: string): void {
    this.drafts.flushAll();
    this.message.set(`Your session expired — sign in again${this.keptClause(userId, url)}.`);
  }

  dismiss(): void {
    this.message.set(null);
  }

  private keptClause(userId: string | null, url: string): string {
    if (userId === null) return '';
    const path = url.split(/[?#]/, 1)[0];
    const ticket = /^\/ticket\/([^/]+)$/.exec(path)?.[1];
    if (ticket && this.drafts.has(draftKey(userId, 'reply', ticket))) return '; your reply is kept';
    if (ticket && this.drafts.has(draftKey(userId, 'edit-ticket', ticket))) return '; your edits are kept';
    if (path === '/new-ticket' && this.drafts.has(draftKey(userId, 'new-ticket'))) return '; your new ticket is kept';
    return '';
  }
}
