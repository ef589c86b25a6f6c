import { computed, inject, Injectable, signal } from '@angular/core';
import { listMessages, markMessageRead, type MessageBox, type MessageDto } from '@bw/sdk';
import { CursorPager } from '../../core/api/cursor-pager';
import type { ApiProblem } from '../../core/api/problem';
import { settle } from '../../core/api/sdk-result';
import { UnreadMessagesStore } from './unread-messages.store';

export type Message = MessageDto;
export type { MessageBox };

export const MESSAGE_BOXES: readonly MessageBox[] = ['inbox', 'sent'];
export const MESSAGES_PAGE_SIZE = 20;

/** /messages: one box (inbox or sent), newest first, with "load more" and marking read. Provide it in the page. */
@Injectable()
export class MessagesListStore {
  private readonly unread = inject(UnreadMessagesStore);
  private readonly pager = new CursorPager<Message>();
  private readonly marking = signal<ReadonlySet<string>>(new Set());

  readonly items = this.pager.items;
  readonly loading = this.pager.loading;
  readonly loadingMore = this.pager.loadingMore;
  readonly error = this.pager.error;
  readonly hasMore = this.pager.hasMore;
  readonly empty = this.pager.empty;
  readonly busyIds = computed(() => this.marking());

  load(box: MessageBox): Promise<void> {
    return this.pager.load((cursor) => settle(() => listMessages({ query: { box, limit: MESSAGES_PAGE_SIZE, ...(cursor ? { cursor } : {}) } })));
  }

  loadMore(): Promise<void> {
    return this.pager.loadMore();
  }

  reload(): Promise<void> {
    return this.pager.reload();
  }

  /** Marks an inbox message read (once), then refreshes the unread badge. */
  async markRead(message: Message): Promise<ApiProblem | null> {
    if (message.readAt !== null || this.marking().has(message.id)) return null;
    this.marking.update((ids) => new Set(ids).add(message.id));
    const result = await settle(() => markMessageRead({ path: { id: message.id } }));
    this.marking.update((ids) => {
      const next = new Set(ids);
      next.delete(message.id);
      return next;
    });
    if (result.ok) {
      this.pager.replace(result.data);
    }
    void this.unread.refresh();
    return result.ok ? null : result.problem;
  }
}
