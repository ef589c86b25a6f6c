import { Injectable } from '@angular/core';

/** How long after the last keystroke a draft is written. */
export const DRAFT_WRITE_DELAY_MS = 400;

/** What a draft belongs to: the kind of form and, where there are many, which record. */
export type DraftScope = 'reply' | 'edit-ticket' | 'new-ticket';

/** The storage key of a user's draft: a draft written by one user is never shown to another. */
export function draftKey(userId: string, scope: DraftScope, recordId = ''): string {
  return `bw.draft.${userId}.${scope}${recordId ? `.${recordId}` : ''}`;
}

/**
 * Unsent text (a reply, an edit, a new ticket) kept in the tab's `sessionStorage`, so it
 * survives a session that ended mid-sentence, a reload and a detour through /login. Writes are
 * debounced while the user types; `flush()` writes at once (before a request that may answer
 * 401, and when the page is left). The tab's storage dies with the tab, so a shared computer
 * keeps nothing once it is closed.
 */
@Injectable({ providedIn: 'root', useFactory: () => new DraftStore(browserStorage()) })
export class DraftStore {
  private readonly pending = new Map<string, { value: unknown; timer: ReturnType<typeof setTimeout> }>();

  constructor(private readonly storage: Storage | null) {
    globalThis.addEventListener?.('pagehide', () => this.flushAll());
  }

  /** The draft under `key` (one still waiting to be written included), or `null`. */
  read<T>(key: string): T | null {
    const waiting = this.pending.get(key);
    if (waiting) return waiting.value as T;
    try {
      const text = this.storage?.getItem(key);
      return text ? (JSON.parse(text) as T) : null;
    } catch {
      return null;
    }
  }

  /** Keeps `value` under `key` once the user pauses; an empty value removes the draft. */
  write(key: string, value: unknown, delayMs = DRAFT_WRITE_DELAY_MS): void {
    const waiting = this.pending.get(key);
    if (waiting) clearTimeout(waiting.timer);
    this.pending.set(key, { value, timer: setTimeout(() => this.flush(key), delayMs) });
  }

  /** Writes the draft waiting under `key` now. */
  flush(key: string): void {
    const waiting = this.pending.get(key);
    if (!waiting) return;
    clearTimeout(waiting.timer);
    this.pending.delete(key);
    this.store(key, waiting.value);
  }

  flushAll(): void {
    for (const key of [...this.pending.keys()]) this.flush(key);
  }

  /** Whether a draft is kept under `key` (written or waiting). */
  has(key: string): boolean {
    return this.read(key) !== null;
  }

  /** Forgets the draft (it was sent, or the user discarded it). */
  clear(key: string): void {
    const waiting = this.pending.get(key);
    if (waiting) clearTimeout(waiting.timer);
    this.pending.delete(key);
    try {
      this.storage?.removeItem(key);
    } catch {
      // Storage unavailable: there is nothing to forget.
    }
  }

  private store(key: string, value: unknown): void {
    try {
      if (isEmpty(value)) this.storage?.removeItem(key);
      else this.storage?.setItem(key, JSON.stringify(value));
    } catch {
      // Storage full or blocked (private mode): the draft lives only as long as the page.
    }
  }
}

function isEmpty(value: unknown): boolean {
  return value === null || value === undefined || (typeof value === 'string' && value.trim() === '');
}

function browserStorage(): Storage | null {
  try {
    return globalThis.sessionStorage ?? null;
  } catch {
    return null;
  }
}
