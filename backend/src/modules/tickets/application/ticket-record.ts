import type { TicketPriority, TicketStatus, TicketTopic, TicketType } from '../domain/ticket.enums';

/** A ticket as read for display: the entity's fields, from the ORM or straight from SQL. */
export interface TicketRecord {
  id: string;
  creatorId: string;
  assigneeId: string;
  customerId: string;
  title: string;
  description: string;
  type: TicketType;
  priority: TicketPriority;
  topic: TicketTopic;
  status: TicketStatus;
  photoUrl: string | null;
  version: number;
  createdAt: Date;
  updatedAt: Date;
  closedAt: Date | null;
}

export const TICKET_COLUMNS =
  'id, creator_id, assignee_id, customer_id, title, description, type, priority, topic, status, photo_url, version, created_at, updated_at, closed_at';

export interface TicketRow {
  id: string;
  creator_id: string;
  assignee_id: string;
  customer_id: string;
  title: string;
  description: string;
  type: TicketType;
  priority: TicketPriority;
  topic: TicketTopic;
  status: TicketStatus;
  photo_url: string | null;
  version: number;
  created_at: Date;
  updated_at: Date;
  closed_at: Date | null;
}

export function fromRow(r: TicketRow): TicketRecord {
  return {
    id: r.id,
    creatorId: r.creator_id,
    assigneeId: r.assignee_id,
    customerId: r.customer_id,
    title: r.title,
    description: r.description,
    type: r.type,
    priority: r.priority,
    topic: r.topic,
    status: r.status,
    photoUrl: r.photo_url,
    version: r.version,
    createdAt: new Date(r.created_at),
    updatedAt: new Date(r.updated_at),
    closedAt: r.closed_at ? new Date(r.closed_at) : null,
  };
}
