import { computed, DestroyRef, inject, Injectable, signal } from '@angular/core';
import { closeTicket, createTicketComment, deleteTicket, getTicket, listTicketComments, reopenTicket } from '@bw/sdk';
import type { Subscription } from 'rxjs';
import { CursorPager } from '../../core/api/cursor-pager';
import type { ApiProblem } from '../../core/api/problem';
import { type Settled, settle } from '../../core/api/sdk-result';
import { LiveEvents } from '../../core/live/live-events.service';
import { isTicketEvent, type LiveEvent, type UserRef } from '../../core/live/live-event.types';
import { COMMENTS_PAGE_SIZE, type Ticket, type TicketComment } from './ticket.model';

export type TicketAction = 'close' | 'reopen' | 'delete';

/** The ticket went away while on screen: someone deleted it, or it is no longer shared with the caller. */
export interface TicketRemoved {
  readonly reason: 'deleted' | 'unshared';
  readonly actor: UserRef | null;
}

interface TicketState {
  readonly ticket: Ticket | null;
  readonly loading: boolean;
  readonly error: ApiProblem | null;
  /** The status change or deletion in flight. */
  readonly acting: TicketAction | null;
  /** Why the last action failed. */
  readonly actionError: ApiProblem | null;
  readonly posting: boolean;
  readonly replyError: ApiProblem | null;
  readonly removed: TicketRemoved | null;
}

const INITIAL: TicketState = {
  ticket: null,
  loading: false,
  error: null,
  acting: null,
  actionError: null,
  posting: false,
  replyError: null,
  removed: null,
};

/**
 * One ticket (/ticket/:id) with its conversation, and what can be done to it. It follows the
 * live stream: others' changes and replies show at once. Provide it in the page.
 */
@Injectable()
export class TicketStore {
  private readonly live = inject(LiveEvents);
  private readonly state = signal<TicketState>(INITIAL);
  private id: string | null = null;
  private watching: Subscription | null = null;

  readonly comments = new CursorPager<TicketComment>();

  readonly ticket = computed(() => this.state().ticket);
  readonly loading = computed(() => this.state().loading);
  readonly error = computed(() => this.state().error);
  readonly acting = computed(() => this.state().acting);
  readonly actionError = computed(() => this.state().actionError);
  readonly posting = computed(() => this.state().posting);
  readonly replyError = computed(() => this.state().replyError);
  readonly removed = computed(() => this.state().removed);

  constructor() {
    const resets = this.live.reset$.subscribe(() => void this.resync());
    inject(DestroyRef).onDestroy(() => {
      resets.unsubscribe();
      this.watching?.unsubscribe();
    });
  }

  async load(id: string): Promise<void> {
    this.id = id;
    this.watching?.unsubscribe();
    this.watching = this.live.aboutTicket(id).subscribe((event) => this.apply(event));
    this.state.set({ ...INITIAL, loading: true });
    const [result] = await Promise.all([settle(() => getTicket({ path: { id } })), this.loadComments(id)]);
    if (this.id !== id) {
      return;
    }
    this.state.update((s) => ({
      ...s,
      loading: false,
      ticket: result.ok ? result.data : null,
      error: result.ok ? null : result.problem,
    }));
  }

  /** Fetches the ticket again (after someone else changed it); keeps the page on screen meanwhile. */
  async refresh(): Promise<Ticket | null> {
    const id = this.id;
    if (id === null) {
      return null;
    }
    const result = await settle(() => getTicket({ path: { id } }));
    if (this.id !== id) {
      return null;
    }
    if (result.ok) {
      this.state.update((s) => ({ ...s, ticket: result.data, error: null }));
      return result.data;
    }
    this.state.update((s) => ({ ...s, actionError: result.problem }));
    return null;
  }

  /** After an edit elsewhere (the edit dialog) produced a newer ticket; an older one is ignored. */
  setTicket(ticket: Ticket): void {
    this.showNewer(ticket);
    this.state.update((s) => ({ ...s, actionError: null }));
  }

  private showNewer(ticket: Ticket): void {
    this.state.update((s) => (s.ticket && s.ticket.version > ticket.version ? s : { ...s, ticket }));
  }

  /** A live event about this ticket: its newer state, its removal, or a reply. */
  private apply(event: LiveEvent): void {
    const { ticket, comment, actor } = event.data;
    if (event.name === 'comment.created') {
      // Oldest first: a reply joins the end once every earlier page is on screen ("Load more" brings it otherwise).
      if (comment && this.comments.loaded() && !this.comments.hasMore()) this.comments.add(comment, 'end');
      return;
    }
    if (!isTicketEvent(event) || this.state().loading) return;
    if (event.name === 'ticket.deleted' || !ticket) {
      const reason = event.name === 'ticket.deleted' ? 'deleted' : 'unshared';
      this.state.update((s) => ({ ...s, ticket: null, removed: { reason, actor } }));
      return;
    }
    this.showNewer(ticket);
  }

  /** After `event: reset`: everything again, keeping the page on screen. */
  private async resync(): Promise<void> {
    if (this.id === null || this.state().removed) return;
    await Promise.all([this.refresh(), this.comments.reload()]);
  }

  dismissActionError(): void {
    this.state.update((s) => ({ ...s, actionError: null }));
  }

  /** "Mark complete". */
  close(): Promise<boolean> {
    return this.changeStatus('close', (id) => settle(() => closeTicket({ path: { id } })));
  }

  reopen(): Promise<boolean> {
    return this.changeStatus('reopen', (id) => settle(() => reopenTicket({ path: { id } })));
  }

  /** Resolves to `true` once the ticket is gone. */
  async delete(): Promise<boolean> {
    const ticket = this.ticket();
    if (ticket === null || this.acting() !== null) {
      return false;
    }
    this.state.update((s) => ({ ...s, acting: 'delete', actionError: null }));
    const result = await settle(() => deleteTicket({ path: { id: ticket.id } }));
    const gone = result.ok || result.problem.status === 404;
    this.state.update((s) => ({ ...s, acting: null, actionError: gone || result.ok ? null : result.problem }));
    return gone;
  }

  /** Posts a reply; resolves to `true` when it was saved (the box can be cleared). */
  async reply(body: string): Promise<boolean> {
    const ticket = this.ticket();
    if (ticket === null || this.posting()) {
      return false;
    }
    this.state.update((s) => ({ ...s, posting: true, replyError: null }));
    const result = await settle(() => createTicketComment({ path: { id: ticket.id }, body: { body } }));
    if (result.ok) {
      this.comments.add(result.data, 'end');
      this.state.update((s) => ({ ...s, posting: false }));
      return true;
    }
    this.state.update((s) => ({ ...s, posting: false, replyError: result.problem }));
    return false;
  }

  loadMoreComments(): Promise<void> {
    return this.comments.loadMore();
  }

  private loadComments(id: string): Promise<void> {
    return this.comments.load((cursor) =>
      settle(() =>
        listTicketComments({ path: { id }, query: { limit: COMMENTS_PAGE_SIZE, ...(cursor ? { cursor } : {}) } }),
      ),
    );
  }

  private async changeStatus(action: TicketAction, call: (id: string) => Promise<Settled<Ticket>>): Promise<boolean> {
    const ticket = this.ticket();
    if (ticket === null || this.acting() !== null) {
      return false;
    }
    this.state.update((s) => ({ ...s, acting: action, actionError: null }));
    const result = await call(ticket.id);
    if (result.ok) {
      this.state.update((s) => ({ ...s, acting: null, ticket: result.data }));
      return true;
    }
    this.state.update((s) => ({ ...s, acting: null, actionError: result.problem }));
    // 409: it was already closed / open — someone else got there first. Show the current state.
    if (result.problem.status === 409) {
      await this.refresh();
    }
    return false;
  }
}
