import { Entity, Enum, Property } from '@mikro-orm/core';
import { VersionedEntity } from '../../../platform/domain/base.entity';
import { StaleVersionError } from '../../../platform/errors/domain-error';
import {
  TicketPriority,
  TicketStatus,
  TicketTopic,
  TicketType,
  TICKET_PRIORITIES,
  TICKET_STATUSES,
  TICKET_TOPICS,
  TICKET_TYPES,
} from './ticket.enums';
import type { TicketRecord } from './ticket-record';
import { TicketAlreadyClosedError, TicketNotClosedError } from './ticket.errors';

export interface TicketFields {
  title: string;
  description: string;
  customerId: string;
  assigneeId: string;
  type: TicketType;
  priority: TicketPriority;
  topic: TicketTopic;
  photoUrl: string | null;
  /** When the ticket is due (null: never); `ticket.overdue` is published once for each value that passes while it is not closed. */
  dueAt: Date | null;
}

/** A new ticket's fields: without `dueAt` it gets one from its creator's due policy (`null`: none). */
export type NewTicketFields = Omit<TicketFields, 'dueAt'> & { dueAt?: Date | null };

/** What a status change did, so the use case can publish the matching event. */
export type StatusTransition = 'closed' | 'reopened' | null;

@Entity({ tableName: 'tickets' })
export class Ticket extends VersionedEntity {
  /** `#1042`: unique, increasing in creation order; taken from `tickets_number_seq` before the row is written. */
  @Property({ type: 'integer' })
  number!: number;

  @Property({ type: 'uuid' })
  creatorId: string;

  @Property({ type: 'uuid' })
  assigneeId: string;

  /** A customer of the customers module, referenced by id. */
  @Property({ type: 'uuid' })
  customerId: string;

  @Property({ type: 'text' })
  title: string;

  @Property({ type: 'text' })
  description: string;

  @Enum({ items: [...TICKET_TYPES], type: 'text' })
  type: TicketType;

  @Enum({ items: [...TICKET_PRIORITIES], type: 'text' })
  priority: TicketPriority;

  @Enum({ items: [...TICKET_TOPICS], type: 'text' })
  topic: TicketTopic;

  @Enum({ items: [...TICKET_STATUSES], type: 'text' })
  status: TicketStatus = 'open';

  @Property({ type: 'text', nullable: true })
  photoUrl: string | null;

  @Property({ type: 'timestamptz', nullable: true })
  closedAt: Date | null = null;

  @Property({ type: 'timestamptz', nullable: true })
  dueAt: Date | null;

  /** The generated full-text column: never written, never loaded (it is only searched in SQL). */
  @Property({ columnType: 'tsvector', type: 'string', lazy: true, persist: false, hidden: true, nullable: true })
  search?: string;

  constructor(creatorId: string, fields: TicketFields) {
    super();
    this.creatorId = creatorId;
    this.title = fields.title;
    this.description = fields.description;
    this.customerId = fields.customerId;
    this.assigneeId = fields.assigneeId;
    this.type = fields.type;
    this.priority = fields.priority;
    this.topic = fields.topic;
    this.photoUrl = fields.photoUrl;
    this.dueAt = fields.dueAt;
  }

  /** The entity for a stored record, outside any unit of work: its rules applied to a detached copy (close, reopen). */
  static fromRecord(record: TicketRecord): Ticket {
    return Object.assign(Object.create(Ticket.prototype) as Ticket, record);
  }

  isCreator(userId: string): boolean {
    return this.creatorId === userId;
  }

  isAssignee(userId: string): boolean {
    return this.assigneeId === userId;
  }

  /** Overdue at `now`: the due time has passed and the ticket is open or pending. */
  static isOverdue(ticket: Pick<TicketRecord, 'dueAt' | 'status'>, now: Date = new Date()): boolean {
    return ticket.dueAt !== null && ticket.dueAt.getTime() <= now.getTime() && ticket.status !== 'closed';
  }

  assertVersion(version: number): void {
    if (version !== this.version) throw new StaleVersionError('Ticket');
  }

  /** Applies field changes (the caller decides who may change what). */
  edit(changes: Partial<TicketFields>): void {
    Object.assign(this, Object.fromEntries(Object.entries(changes).filter(([, value]) => value !== undefined)));
    this.touch();
  }

  assignTo(userId: string): void {
    this.assigneeId = userId;
    this.touch();
  }

  /** Moves to a status; closing sets closedAt, leaving closed clears it. */
  changeStatus(status: TicketStatus): StatusTransition {
    if (status === this.status) return null;
    const wasClosed = this.status === 'closed';
    this.status = status;
    this.closedAt = status === 'closed' ? new Date() : null;
    this.touch();
    if (status === 'closed') return 'closed';
    return wasClosed ? 'reopened' : null;
  }

  /** "Mark as complete". Closing a closed ticket is a conflict. */
  close(): StatusTransition {
    if (this.status === 'closed') throw new TicketAlreadyClosedError();
    return this.changeStatus('closed');
  }

  reopen(): StatusTransition {
    if (this.status !== 'closed') throw new TicketNotClosedError();
    return this.changeStatus('open');
  }

  /** Records a change that is not a field (a comment added by a macro): bumps updatedAt and version. */
  touch(): void {
    this.updatedAt = new Date();
  }
}
