import { Injectable } from '@nestjs/common';
import { EventBatch, EventOutcome, OnEvents } from '../../../../platform/outbox/event-batch';
import { TicketClosedEvent, TicketCreatedEvent, TicketEventPayload, TicketOverdueEvent } from '../../../tickets';
import { triggersListen } from '../../persistence/messaging.statements';
import { TriggerDelivery } from '../trigger-delivery.service';

/**
 * ticket.closed / ticket.created / ticket.overdue → the active triggers of the ticket's creator and assignee, for
 * the whole batch the dispatcher claimed: TriggerDelivery writes the keys and the messages of all
 * its events in one statement. Each event's outcome goes back to the dispatcher, which retries
 * the failed ones; the idempotency key and the messages' unique key make retries safe. The
 * usernames come from the event's snapshot. An event none of whose parties has an active trigger
 * for it is written already delivered (triggersListen), and never reaches this handler.
 */
@Injectable()
export class SendTriggerMessagesWhenTicketClosedHandler {
  constructor(private readonly delivery: TriggerDelivery) {}

  @OnEvents(TicketClosedEvent, { wantedWhen: triggersListen(TicketClosedEvent.eventName) })
  handleClosed(batch: EventBatch<TicketEventPayload>): Promise<EventOutcome[]> {
    return this.handle('send-trigger-messages-when-ticket-closed', batch);
  }

  @OnEvents(TicketCreatedEvent, { wantedWhen: triggersListen(TicketCreatedEvent.eventName) })
  handleCreated(batch: EventBatch<TicketEventPayload>): Promise<EventOutcome[]> {
    return this.handle('send-trigger-messages-when-ticket-created', batch);
  }

  @OnEvents(TicketOverdueEvent, { wantedWhen: triggersListen(TicketOverdueEvent.eventName) })
  handleOverdue(batch: EventBatch<TicketEventPayload>): Promise<EventOutcome[]> {
    return this.handle('send-trigger-messages-when-ticket-overdue', batch);
  }

  private handle(handler: string, batch: EventBatch<TicketEventPayload>): Promise<EventOutcome[]> {
    return this.delivery.deliver(
      batch.events.map((event) => {
        const p = event.payload;
        return {
          handler,
          event,
          ownerIds: [p.creator.id, p.assignee.id],
          input: { kind: 'ticket' as const, eventName: event.name, occurredAt: event.occurredAt, payload: p },
          ref: { ticketId: p.ticket.id },
        };
      }),
    );
  }
}
