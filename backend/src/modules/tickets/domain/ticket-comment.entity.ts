import { Entity, Property } from '@mikro-orm/core';
import { BaseEntity } from '../../../platform/domain/base.entity';

/** One message in a ticket's conversation. */
@Entity({ tableName: 'ticket_comments' })
export class TicketComment extends BaseEntity {
  @Property({ type: 'uuid' })
  ticketId: string;

  @Property({ type: 'uuid' })
  authorId: string;

  @Property({ type: 'text' })
  body: string;

  constructor(ticketId: string, authorId: string, body: string) {
    super();
    this.ticketId = ticketId;
    this.authorId = authorId;
    this.body = body;
  }
}
