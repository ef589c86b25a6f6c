import { computed, inject, Injectable, signal } from '@angular/core';
import { listUsers } from '@bw/sdk';
import { settle } from '../api/sdk-result';
import { SessionStore } from '../auth/session.store';
import { OptionSearch } from '../../shared/pickers/option-search';
import { assigneeOptions } from '../../shared/pickers/picker-options';

const SEARCH_PAGE_SIZE = 20;
const LOOKUP_PAGE_SIZE = 100;
const LOOKUP_MAX_PAGES = 5;

/**
 * Usernames by id, for macros ("Assign to") and triggers (recipient), which store only a user id.
 * The API lists users but has no "user by id", so names are remembered from every user search
 * and looked up by reading the user list when an unknown id shows up.
 */
@Injectable({ providedIn: 'root' })
export class UserDirectory {
  private readonly session = inject(SessionStore);
  private readonly names = signal<ReadonlyMap<string, string>>(new Map());
  private readonly pending = new Set<string>();
  /** Ids looked for and not found (a deleted user, or beyond the pages read): not looked for again. */
  private readonly missing = new Set<string>();

  /** The signed-in user's id. */
  readonly meId = computed(() => this.session.user()?.id ?? null);

  /** The username for an id ("you" for the signed-in user), or `null` while unknown. */
  name(id: string): string | null {
    const me = this.session.user();
    if (me && me.id === id) return `${me.username} (you)`;
    return this.names().get(id) ?? null;
  }

  /** A bound `name`, for templates and mappers. */
  readonly nameOf = (id: string): string | null => this.name(id);

  /** A server-side search of users for an autocomplete ("Me" first), remembering the names it sees. */
  createSearch(): OptionSearch {
    return new OptionSearch(async (q) => {
      const result = await settle(() => listUsers({ query: { limit: SEARCH_PAGE_SIZE, ...(q ? { q } : {}) } }));
      if (!result.ok) return result;
      this.remember(result.data.items);
      return { ok: true, data: assigneeOptions(this.session.user(), result.data.items, q) };
    });
  }

  /** Makes sure the names of `ids` get known (reads a few pages of users for the missing ones). */
  async ensure(ids: readonly string[]): Promise<void> {
    const me = this.meId();
    const missing = ids.filter(
      (id) => id !== me && !this.names().has(id) && !this.pending.has(id) && !this.missing.has(id),
    );
    if (missing.length === 0) return;
    missing.forEach((id) => this.pending.add(id));
    const wanted = new Set(missing);
    let cursor: string | undefined;
    try {
      for (let page = 0; page < LOOKUP_MAX_PAGES && wanted.size > 0; page++) {
        const result = await settle(() =>
          listUsers({ query: { limit: LOOKUP_PAGE_SIZE, ...(cursor ? { cursor } : {}) } }),
        );
        if (!result.ok) return;
        this.remember(result.data.items);
        result.data.items.forEach((user) => wanted.delete(user.id));
        if (result.data.nextCursor === null) break;
        cursor = result.data.nextCursor;
      }
      wanted.forEach((id) => this.missing.add(id));
    } finally {
      missing.forEach((id) => this.pending.delete(id));
    }
  }

  remember(users: readonly { id: string; username: string }[]): void {
    if (users.every((user) => this.names().get(user.id) === user.username)) return;
    this.names.update((names) => {
      const next = new Map(names);
      users.forEach((user) => next.set(user.id, user.username));
      return next;
    });
  }
}
