import { Injectable } from '@nestjs/common';
import { OnEvent } from '@nestjs/event-emitter';
import { EventEnvelope } from '../../../../platform/outbox/event-envelope';
import { TicketClosedEvent, TicketCreatedEvent, TicketEventPayload } from '../../../tickets';
import { activeTriggers, TriggerDelivery } from '../trigger-delivery.service';
import { EntityManager } from '@mikro-orm/postgresql';

/**
 * ticket.closed / ticket.created → the active triggers of the ticket's creator and assignee.
 * Errors propagate (suppressErrors: false) so the outbox retries the event; the idempotency key
 * and the messages' unique key make retries safe. The key and the messages are one statement.
 */
@Injectable()
export class SendTriggerMessagesWhenTicketClosedHandler {
  constructor(
    private readonly delivery: TriggerDelivery,
    private readonly em: EntityManager,
  ) {}

  @OnEvent(TicketClosedEvent.eventName, { suppressErrors: false })
  handleClosed(event: EventEnvelope<TicketEventPayload>): Promise<void> {
    return this.handle('send-trigger-messages-when-ticket-closed', event);
  }

  @OnEvent(TicketCreatedEvent.eventName, { suppressErrors: false })
  handleCreated(event: EventEnvelope<TicketEventPayload>): Promise<void> {
    return this.handle('send-trigger-messages-when-ticket-created', event);
  }

  private async handle(name: string, event: EventEnvelope<TicketEventPayload>): Promise<void> {
    const p = event.payload;
    // Nobody listening: nothing to write, so nothing to make idempotent.
    const triggers = await activeTriggers(this.em, [p.creator.id, p.assignee.id], event.name);
    if (triggers.length === 0) return;
    await this.delivery.deliverOnce(name, event, triggers, { kind: 'ticket', eventName: event.name, occurredAt: event.occurredAt, payload: p }, { ticketId: p.ticket.id });
  }
}
