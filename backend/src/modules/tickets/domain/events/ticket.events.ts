import type { DomainEventType } from '../../../../platform/outbox/event-envelope';
import type { TicketPriority, TicketStatus, TicketTopic, TicketType } from '../ticket.enums';

/** One field a change wrote: its value before and after. */
export interface TicketChange {
  field: string;
  from: string | null;
  to: string | null;
}

export type HistoryAction = 'created' | 'updated' | 'closed' | 'reopened' | 'commented' | 'overdue';

/** Through what a change was made: a person, a macro (by id and name), a trigger, an automation, a bulk change. */
export interface ChangeVia {
  kind: 'user' | 'macro' | 'trigger' | 'automation' | 'bulk';
  id?: string;
  name?: string;
}

/**
 * The snapshot every ticket event carries: the ticket right after the change (the fields of its
 * API shape) with the names of its people and customer, what changed and through what. Enough for
 * a handler to act (conditions, recipients, placeholders), for a live stream to show the ticket
 * and for the history to show the change, without reading the tickets module's tables.
 */
export interface TicketEventPayload {
  ticket: {
    id: string;
    /** Absent only in events written before ticket numbers existed. */
    number?: number;
    title: string;
    description?: string;
    status: TicketStatus;
    priority: TicketPriority;
    type: TicketType;
    topic: TicketTopic;
    photoUrl?: string | null;
    customerId?: string;
    assigneeId?: string;
    version?: number;
    createdAt?: string;
    updatedAt?: string;
    closedAt: string | null;
    /** Absent in events written before due dates existed. */
    dueAt?: string | null;
    /** Overdue right after the change (the due time had passed and it was not closed). */
    overdue?: boolean;
  };
  creator: { id: string; username: string };
  assignee: { id: string; username: string };
  customer: { id: string; name: string; email: string; deleted?: boolean };
  /** Who made the change; null for an automation's event (`ticket.overdue`). */
  actor: { id: string; username: string } | null;
  /** The fields this change wrote (none on creation). */
  changes?: TicketChange[];
  via?: ChangeVia;
  /** Set when the change took the ticket from this assignee (they are told once, then no more). */
  previousAssigneeId?: string;
}

/** A reply on a ticket: the ticket's snapshot (as it was, unchanged) and the comment. */
export interface CommentCreatedPayload extends TicketEventPayload {
  comment: { id: string; body: string; author: { id: string; username: string }; createdAt: string };
}

export const TicketCreatedEvent: DomainEventType<TicketEventPayload> = { eventName: 'ticket.created' };
/** A change that is neither a close nor a reopen (fields, assignee, a macro's comment). */
export const TicketUpdatedEvent: DomainEventType<TicketEventPayload> = { eventName: 'ticket.updated' };
/** Published once per transition to `closed` (close, PATCH status, or a macro). */
export const TicketClosedEvent: DomainEventType<TicketEventPayload> = { eventName: 'ticket.closed' };
export const TicketReopenedEvent: DomainEventType<TicketEventPayload> = { eventName: 'ticket.reopened' };
/** A due time passed while the ticket was open or pending: once per `dueAt` value, by the overdue scheduler (actor null). */
export const TicketOverdueEvent: DomainEventType<TicketEventPayload> = { eventName: 'ticket.overdue' };
export const TicketDeletedEvent: DomainEventType<TicketEventPayload> = { eventName: 'ticket.deleted' };
export const CommentCreatedEvent: DomainEventType<CommentCreatedPayload> = { eventName: 'comment.created' };

/** The ticket events a live stream carries, and the actions the history names them by. */
export const TICKET_HISTORY_ACTIONS: Record<string, HistoryAction> = {
  'ticket.created': 'created',
  'ticket.updated': 'updated',
  'ticket.closed': 'closed',
  'ticket.reopened': 'reopened',
  'ticket.overdue': 'overdue',
  'comment.created': 'commented',
};

/** Who of the ticket's people a change's event is for: its creator and assignee, and an assignee it took the ticket from. */
export function ticketAudience(payload: TicketEventPayload): string[] {
  return [payload.creator.id, payload.assignee.id, ...(payload.previousAssigneeId ? [payload.previousAssigneeId] : [])];
}
