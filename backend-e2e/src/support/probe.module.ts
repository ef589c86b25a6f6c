import { Injectable, Module } from '@nestjs/common';
import { EventBatch, EventOutcome, errorMessage, OnEvents } from '@bw/backend/platform/outbox/event-batch';
import { EventEnvelope } from '@bw/backend/platform/outbox/event-envelope';
import { IdempotentHandlers } from '@bw/backend/platform/outbox/idempotency.service';
import { TicketClosedEvent, type TicketEventPayload } from '@bw/backend/modules/tickets';

/**
 * A test consumer of `ticket.closed`: records every raw delivery and, through the idempotency
 * helper, one effect per event. Titles steer failures: `fail-always`, `fail-once`. Each event of a
 * batch succeeds or fails on its own.
 */
@Injectable()
export class ProbeHandler {
  static readonly deliveries: string[] = [];
  private static readonly failedOnce = new Set<string>();

  constructor(private readonly handlers: IdempotentHandlers) {}

  @OnEvents(TicketClosedEvent)
  onTicketClosed(batch: EventBatch<TicketEventPayload>): Promise<EventOutcome[]> {
    return Promise.all(
      batch.events.map((event) =>
        this.handle(event).then(
          (): EventOutcome => ({ ok: true }),
          (error: unknown): EventOutcome => ({ ok: false, error: errorMessage(error) }),
        ),
      ),
    );
  }

  private async handle(event: EventEnvelope<TicketEventPayload>): Promise<void> {
    ProbeHandler.deliveries.push(event.eventId);
    const title = event.payload.ticket.title;
    if (title.includes('fail-always')) throw new Error('probe: always failing');
    if (title.includes('fail-once') && !ProbeHandler.failedOnce.has(event.eventId)) {
      ProbeHandler.failedOnce.add(event.eventId);
      throw new Error('probe: failing once');
    }
    await this.handlers.runOnce('probe-when-ticket-closed', event, async (em) => {
      await em
        .getConnection()
        .execute(
          'insert into probe_effects (event_id, ticket_id) values (?, ?)',
          [event.eventId, event.payload.ticket.id],
          'run',
          em.getTransactionContext(),
        );
    });
  }
}

@Module({ providers: [ProbeHandler] })
export class ProbeModule {}

export const PROBE_TABLE_SQL =
  'create table if not exists probe_effects (id bigserial primary key, event_id uuid not null, ticket_id uuid not null)';
