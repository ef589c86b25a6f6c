import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { ReadPool } from '../../../platform/database/read-pool';
import { ResourceNotFoundError } from '../../../platform/errors/domain-error';
import { CursorCodec, Page, pageRequest, toPage } from '../../../platform/pagination/cursor';
import { Outbox } from '../../../platform/outbox/outbox.service';
import { IdentityService } from '../../identity';
import { MessageReadEvent } from '../domain/events/message.events';
import { Message } from '../domain/message.entity';
import { messageSnapshot } from './message-snapshot';
import { OnlyReceiverMayMarkReadError } from '../domain/messaging.errors';
import { boxPage, LISTED } from '../persistence/messaging.statements';

/** A message as read for display: the entity's fields, straight from SQL. */
export interface MessageRecord {
  id: string;
  senderId: string;
  receiverId: string;
  body: string;
  triggerId: string;
  event: string;
  ticketId: string | null;
  customerId: string | null;
  createdAt: Date;
  readAt: Date | null;
}

@Injectable()
export class MessagesService {
  constructor(
    private readonly em: EntityManager,
    private readonly cursors: CursorCodec,
    private readonly reads: ReadPool,
    private readonly outbox: Outbox,
    private readonly identity: IdentityService,
  ) {}

  /**
   * The inbox (received) or sent box, newest first: a read path that changes nothing, so plain SQL
   * into records (one index range scan on the box's `(…, created_at desc, id desc)` index), without
   * the unit of work.
   */
  async list(
    userId: string,
    query: { box?: 'inbox' | 'sent'; limit?: number; cursor?: string },
  ): Promise<Page<MessageRecord>> {
    const box = query.box ?? 'inbox';
    const scope = `messages:${userId}:${box}`;
    const { limit, after } = pageRequest(this.cursors, scope, query);
    const rows = await this.reads.query(boxPage(userId, box, after, limit + 1));
    return toPage(
      rows.map((r) => LISTED.toRecord<MessageRecord>(r)),
      limit,
      this.cursors,
      scope,
      (m) => m,
    );
  }

  /** The receiver marks a message read (idempotent); the sender may see it but not do this. */
  async markRead(userId: string, id: string): Promise<Message> {
    const message = await this.em.findOne(Message, { id, $or: [{ receiverId: userId }, { senderId: userId }] });
    if (!message) throw new ResourceNotFoundError('Message');
    if (message.receiverId !== userId) throw new OnlyReceiverMayMarkReadError();
    if (message.readAt === null) {
      message.markRead();
      const users = await this.identity.summaries([message.senderId, message.receiverId]);
      const payload = { message: messageSnapshot(message, users) };
      this.outbox.publish(this.em, MessageReadEvent, payload, userId, {
        audience: [message.senderId, message.receiverId],
      });
      await this.em.flush();
    }
    return message;
  }

  async unreadCount(userId: string): Promise<number> {
    return this.em.count(Message, { receiverId: userId, readAt: null });
  }
}
