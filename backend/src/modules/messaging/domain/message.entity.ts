import { Entity, Property } from '@mikro-orm/core';
import { BaseEntity } from '../../../platform/domain/base.entity';

/** A message a trigger sent. At most one per (trigger, event): a unique key in the database. */
@Entity({ tableName: 'messages' })
export class Message extends BaseEntity {
  @Property({ type: 'uuid' })
  senderId!: string;

  @Property({ type: 'uuid' })
  receiverId!: string;

  @Property({ type: 'text' })
  body!: string;

  @Property({ type: 'uuid' })
  triggerId!: string;

  @Property({ type: 'text' })
  event!: string;

  @Property({ type: 'uuid' })
  eventId!: string;

  @Property({ type: 'uuid', nullable: true })
  ticketId: string | null = null;

  @Property({ type: 'uuid', nullable: true })
  customerId: string | null = null;

  @Property({ type: 'timestamptz', nullable: true })
  readAt: Date | null = null;

  markRead(): void {
    this.readAt ??= new Date();
  }
}
