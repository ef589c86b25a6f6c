import type { DomainEventType } from '../../../../platform/outbox/event-envelope';
import type { TicketPriority, TicketStatus, TicketTopic, TicketType } from '../ticket.enums';

/**
 * The snapshot every ticket event carries: enough for a handler to act (conditions, recipients,
 * message placeholders) without reading the tickets module's tables.
 */
export interface TicketEventPayload {
  ticket: {
    id: string;
    title: string;
    status: TicketStatus;
    priority: TicketPriority;
    type: TicketType;
    topic: TicketTopic;
    closedAt: string | null;
  };
  creator: { id: string; username: string };
  assignee: { id: string; username: string };
  customer: { id: string; name: string; email: string };
  actor: { id: string; username: string };
}

export const TicketCreatedEvent: DomainEventType<TicketEventPayload> = { eventName: 'ticket.created' };
/** Published once per transition to `closed` (close, PATCH status, or a macro). */
export const TicketClosedEvent: DomainEventType<TicketEventPayload> = { eventName: 'ticket.closed' };
export const TicketReopenedEvent: DomainEventType<TicketEventPayload> = { eventName: 'ticket.reopened' };
export const TicketDeletedEvent: DomainEventType<TicketEventPayload> = { eventName: 'ticket.deleted' };
