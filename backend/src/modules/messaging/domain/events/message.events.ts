import type { DomainEventType } from '../../../../platform/outbox/event-envelope';

/** A message as `GET /api/messages` shows it, as every message event carries it. */
export interface MessageSnapshot {
  id: string;
  sender: { id: string; username: string };
  receiver: { id: string; username: string };
  body: string;
  triggerId: string;
  event: string;
  ticketId: string | null;
  customerId: string | null;
  createdAt: string;
  readAt: string | null;
}

export interface MessageEventPayload {
  message: MessageSnapshot;
}

/** A trigger sent a message (written with the message, by the statement that inserts it). */
export const MessageCreatedEvent: DomainEventType<MessageEventPayload> = { eventName: 'message.created' };
/** The receiver read a message (published once, when `readAt` is first set). */
export const MessageReadEvent: DomainEventType<MessageEventPayload> = { eventName: 'message.read' };
