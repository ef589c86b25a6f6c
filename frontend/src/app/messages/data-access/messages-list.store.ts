import { DestroyRef, inject, Injectable } from '@angular/core';
import { listMessages, markMessageRead, type MessageBox, type MessageDto } from '@bw/sdk';
import { ListStore } from '../../core/api/list-store';
import { pageQuery } from '../../core/api/paging';
import type { ApiProblem } from '../../core/api/problem';
import { settle } from '../../core/api/sdk-result';
import { SessionStore } from '../../core/auth/session.store';
import { LiveEvents } from '../../core/live/live-events.service';
import { UnreadMessagesStore } from './unread-messages.store';

export type Message = MessageDto;
export type { MessageBox };

export const MESSAGE_BOXES: readonly MessageBox[] = ['inbox', 'sent'];
export const MESSAGES_PAGE_SIZE = 20;

/** Whether `message` belongs in `box` of user `meId`. */
export function inBox(message: Message, box: MessageBox, meId: string | null): boolean {
  return (box === 'inbox' ? message.receiver.id : message.sender.id) === meId;
}

/**
 * /messages: one box (inbox or sent), newest first, with "load more" and marking read. New and
 * read messages arrive from the live stream. Provide it in the page.
 */
@Injectable()
export class MessagesListStore extends ListStore<Message> {
  private readonly unread = inject(UnreadMessagesStore);
  private readonly session = inject(SessionStore);
  private box: MessageBox | null = null;

  constructor() {
    super();
    const live = inject(LiveEvents);
    const subscriptions = [
      live.on('message.created', 'message.read').subscribe(({ name, data }) => {
        const message = data.message;
        if (!message || this.box === null) return;
        if (name === 'message.read') this.replace(message);
        else if (inBox(message, this.box, this.session.user()?.id ?? null)) this.add(message);
      }),
      live.reset$.subscribe(() => void this.reload()),
    ];
    inject(DestroyRef).onDestroy(() => subscriptions.forEach((s) => s.unsubscribe()));
  }

  load(box: MessageBox): Promise<void> {
    this.box = box;
    return this.list((cursor) =>
      settle(() => listMessages({ query: { box, ...pageQuery(MESSAGES_PAGE_SIZE, cursor) } })),
    );
  }

  /** Marks an inbox message read (once), then refreshes the unread badge. */
  async markRead(message: Message): Promise<ApiProblem | null> {
    if (message.readAt !== null || this.isBusy(message.id)) return null;
    const result = await this.whileBusy(message.id, () => settle(() => markMessageRead({ path: { id: message.id } })));
    if (result.ok) {
      this.replace(result.data);
    }
    void this.unread.refresh();
    return result.ok ? null : result.problem;
  }
}
