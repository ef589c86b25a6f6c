import { Entity, PrimaryKey, Property } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';

/** One message in a ticket's conversation. */
@Entity({ tableName: 'ticket_comments' })
export class TicketComment {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'uuid' })
  ticketId: string;

  @Property({ type: 'uuid' })
  authorId: string;

  @Property({ type: 'text' })
  body: string;

  @Property({ type: 'timestamptz' })
  createdAt: Date = new Date();

  constructor(ticketId: string, authorId: string, body: string) {
    this.ticketId = ticketId;
    this.authorId = authorId;
    this.body = body;
  }
}
