import { inject, Injectable } from '@angular/core';
import { listMessages, markMessageRead, type MessageBox, type MessageDto } from '@bw/sdk';
import { ListStore } from '../../core/api/list-store';
import { pageQuery } from '../../core/api/paging';
import type { ApiProblem } from '../../core/api/problem';
import { settle } from '../../core/api/sdk-result';
import { UnreadMessagesStore } from './unread-messages.store';

export type Message = MessageDto;
export type { MessageBox };

export const MESSAGE_BOXES: readonly MessageBox[] = ['inbox', 'sent'];
export const MESSAGES_PAGE_SIZE = 20;

/** /messages: one box (inbox or sent), newest first, with "load more" and marking read. Provide it in the page. */
@Injectable()
export class MessagesListStore extends ListStore<Message> {
  private readonly unread = inject(UnreadMessagesStore);

  load(box: MessageBox): Promise<void> {
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
