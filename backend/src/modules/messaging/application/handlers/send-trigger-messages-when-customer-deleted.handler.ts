import { Injectable } from '@nestjs/common';
import { OnEvent } from '@nestjs/event-emitter';
import { EventEnvelope } from '../../../../platform/outbox/event-envelope';
import { CustomerDeletedEvent, CustomerDeletedPayload } from '../../../customers';
import { IdentityService } from '../../../identity';
import { TriggerDelivery } from '../trigger-delivery.service';

/** customer.deleted → the active triggers of the customer's owner. Errors propagate for retry. */
@Injectable()
export class SendTriggerMessagesWhenCustomerDeletedHandler {
  constructor(
    private readonly delivery: TriggerDelivery,
    private readonly identity: IdentityService,
  ) {}

  @OnEvent(CustomerDeletedEvent.eventName, { suppressErrors: false })
  async handle(event: EventEnvelope<CustomerDeletedPayload>): Promise<void> {
    const p = event.payload;
    const actor = event.actorId ? (await this.identity.summaries([event.actorId])).get(event.actorId) : undefined;
    await this.delivery.deliver({
      handler: 'send-trigger-messages-when-customer-deleted',
      event,
      ownerIds: [p.ownerId],
      input: {
        kind: 'customer',
        eventName: event.name,
        occurredAt: event.occurredAt,
        payload: p,
        actorUsername: actor?.username ?? '',
      },
      ref: { customerId: p.customerId },
    });
  }
}
