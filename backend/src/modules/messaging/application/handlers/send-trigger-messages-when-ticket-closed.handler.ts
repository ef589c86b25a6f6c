import { Injectable } from '@nestjs/common';
import { OnEvent } from '@nestjs/event-emitter';
import { EventEnvelope } from '../../../../platform/outbox/event-envelope';
import { TicketClosedEvent, TicketCreatedEvent, TicketEventPayload } from '../../../tickets';
import { TriggerDelivery } from '../trigger-delivery.service';

/**
 * ticket.closed / ticket.created → the active triggers of the ticket's creator and assignee.
 * Errors propagate (suppressErrors: false) so the outbox retries the event; the idempotency key
 * and the messages' unique key make retries safe. TriggerDelivery writes the key and the messages
 * of the events delivered together in one statement.
 */
@Injectable()
export class SendTriggerMessagesWhenTicketClosedHandler {
  constructor(private readonly delivery: TriggerDelivery) {}

  @OnEvent(TicketClosedEvent.eventName, { suppressErrors: false })
  async handleClosed(event: EventEnvelope<TicketEventPayload>): Promise<void> {
    await this.handle('send-trigger-messages-when-ticket-closed', event);
  }

  @OnEvent(TicketCreatedEvent.eventName, { suppressErrors: false })
  async handleCreated(event: EventEnvelope<TicketEventPayload>): Promise<void> {
    await this.handle('send-trigger-messages-when-ticket-created', event);
  }

  private handle(handler: string, event: EventEnvelope<TicketEventPayload>): Promise<boolean> {
    const p = event.payload;
    return this.delivery.deliver({
      handler,
      event,
      ownerIds: [p.creator.id, p.assignee.id],
      input: { kind: 'ticket', eventName: event.name, occurredAt: event.occurredAt, payload: p },
      ref: { ticketId: p.ticket.id },
    });
  }
}
