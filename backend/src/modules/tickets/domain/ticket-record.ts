import type { Ticket } from './ticket.entity';

/** The stored fields of a ticket, without its behaviour: what a read path returns (from SQL or the ORM). */
export type TicketRecord = Pick<
  Ticket,
  | 'id'
  | 'number'
  | 'creatorId'
  | 'assigneeId'
  | 'customerId'
  | 'title'
  | 'description'
  | 'type'
  | 'priority'
  | 'topic'
  | 'status'
  | 'photoUrl'
  | 'version'
  | 'createdAt'
  | 'updatedAt'
  | 'closedAt'
  | 'dueAt'
>;

/** A comment as read for display. */
export interface CommentRecord {
  id: string;
  ticketId: string;
  authorId: string;
  body: string;
  createdAt: Date;
}
