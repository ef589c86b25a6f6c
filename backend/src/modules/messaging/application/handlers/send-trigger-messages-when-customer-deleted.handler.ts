import { Injectable } from '@nestjs/common';
import { EventBatch, EventOutcome, OnEvents } from '../../../../platform/outbox/event-batch';
import { CustomerDeletedEvent, CustomerDeletedPayload } from '../../../customers';
import { IdentityService } from '../../../identity';
import { TriggerDelivery } from '../trigger-delivery.service';

/**
 * customer.deleted → the active triggers of the customer's owner, for the whole claimed batch.
 * The actors' usernames come from identity's facade, all of the batch's at once.
 */
@Injectable()
export class SendTriggerMessagesWhenCustomerDeletedHandler {
  constructor(
    private readonly delivery: TriggerDelivery,
    private readonly identity: IdentityService,
  ) {}

  @OnEvents(CustomerDeletedEvent)
  async handle(batch: EventBatch<CustomerDeletedPayload>): Promise<EventOutcome[]> {
    const actorIds = batch.events.flatMap((event) => event.actorId ?? []);
    const actors =
      actorIds.length > 0 ? await this.identity.summaries(actorIds) : new Map<string, { username: string }>();
    return this.delivery.deliver(
      batch.events.map((event) => {
        const p = event.payload;
        const actorUsername = (event.actorId ? actors.get(event.actorId)?.username : undefined) ?? '';
        return {
          handler: 'send-trigger-messages-when-customer-deleted',
          event,
          ownerIds: [p.ownerId],
          input: {
            kind: 'customer' as const,
            eventName: event.name,
            occurredAt: event.occurredAt,
            payload: p,
            actorUsername,
          },
          ref: { customerId: p.customerId },
        };
      }),
    );
  }
}
