import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { ReadPool } from '../../../platform/database/read-pool';
import { ResourceNotFoundError } from '../../../platform/errors/domain-error';
import { CursorCodec, Page, toPage } from '../../../platform/pagination/cursor';
import { Message } from '../domain/message.entity';
import { OnlyReceiverMayMarkReadError } from '../domain/messaging.errors';

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

interface MessageRow {
  id: string;
  sender_id: string;
  receiver_id: string;
  body: string;
  trigger_id: string;
  event: string;
  ticket_id: string | null;
  customer_id: string | null;
  created_at: Date;
  read_at: Date | null;
}

@Injectable()
export class MessagesService {
  constructor(
    private readonly em: EntityManager,
    private readonly cursors: CursorCodec,
    private readonly reads: ReadPool,
  ) {}

  /**
   * The inbox (received) or sent box, newest first: a read path that changes nothing, so plain SQL
   * into records (one index range scan on the box's `(…, created_at desc, id desc)` index), without
   * the unit of work.
   */
  async list(userId: string, query: { box?: 'inbox' | 'sent'; limit?: number; cursor?: string }): Promise<Page<MessageRecord>> {
    const box = query.box ?? 'inbox';
    const limit = query.limit ?? 10;
    const scope = `messages:${userId}:${box}`;
    const after = query.cursor ? this.cursors.decode(query.cursor, scope) : null;
    const params: unknown[] = [userId];
    let where = box === 'inbox' ? 'receiver_id = ?' : 'sender_id = ?';
    if (after) {
      where += ' and (created_at, id) < (?, ?)';
      params.push(after.createdAt, after.id);
    }
    params.push(limit + 1);
    const rows = await this.reads.query<MessageRow>(`select id, sender_id, receiver_id, body, trigger_id, event, ticket_id, customer_id, created_at, read_at from messages where ${where} order by created_at desc, id desc limit ?`, params);
    const messages = rows.map((r): MessageRecord => ({
      id: r.id,
      senderId: r.sender_id,
      receiverId: r.receiver_id,
      body: r.body,
      triggerId: r.trigger_id,
      event: r.event,
      ticketId: r.ticket_id,
      customerId: r.customer_id,
      createdAt: new Date(r.created_at),
      readAt: r.read_at ? new Date(r.read_at) : null,
    }));
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
