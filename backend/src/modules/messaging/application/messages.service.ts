import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { ResourceNotFoundError } from '../../../platform/errors/domain-error';
import { CursorCodec, Page, toPage } from '../../../platform/pagination/cursor';
import { Message } from '../domain/message.entity';
import { OnlyReceiverMayMarkReadError } from '../domain/messaging.errors';

@Injectable()
export class MessagesService {
  constructor(
    private readonly em: EntityManager,
    private readonly cursors: CursorCodec,
  ) {}

  /** The inbox (received) or sent box, newest first. */
  async list(userId: string, query: { box?: 'inbox' | 'sent'; limit?: number; cursor?: string }): Promise<Page<Message>> {
    const box = query.box ?? 'inbox';
    const limit = query.limit ?? 10;
    const scope = `messages:${userId}:${box}`;
    const owner = box === 'inbox' ? { receiverId: userId } : { senderId: userId };
    const after = query.cursor ? this.cursors.decode(query.cursor, scope) : null;
    const messages = await this.em.find(
      Message,
      after ? { ...owner, $or: [{ createdAt: { $lt: after.createdAt } }, { createdAt: after.createdAt, id: { $lt: after.id } }] } : owner,
      { orderBy: { createdAt: 'desc', id: 'desc' }, limit: limit + 1 },
    );
    return toPage(messages, limit, this.cursors, scope, (m) => m);
  }

  /** The receiver marks a message read (idempotent); the sender may see it but not do this. */
  async markRead(userId: string, id: string): Promise<Message> {
    const message = await this.em.findOne(Message, { id, $or: [{ receiverId: userId }, { senderId: userId }] });
    if (!message) throw new ResourceNotFoundError('Message');
    if (message.receiverId !== userId) throw new OnlyReceiverMayMarkReadError();
    message.markRead();
    await this.em.flush();
    return message;
  }

  async unreadCount(userId: string): Promise<number> {
    return this.em.count(Message, { receiverId: userId, readAt: null });
  }
}
