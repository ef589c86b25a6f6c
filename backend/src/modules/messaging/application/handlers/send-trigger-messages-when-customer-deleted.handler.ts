import { Injectable } from '@nestjs/common';
import { OnEvent } from '@nestjs/event-emitter';
import { EventEnvelope } from '../../../../platform/outbox/event-envelope';
import { CustomerDeletedEvent, CustomerDeletedPayload } from '../../../customers';
import { IdentityService } from '../../../identity';
import { activeTriggers, TriggerDelivery } from '../trigger-delivery.service';
import { EntityManager } from '@mikro-orm/postgresql';

/** customer.deleted → the active triggers of the customer's owner. Errors propagate for retry. */
@Injectable()
export class SendTriggerMessagesWhenCustomerDeletedHandler {
  constructor(
    private readonly delivery: TriggerDelivery,
    private readonly em: EntityManager,
    private readonly identity: IdentityService,
  ) {}

  @OnEvent(CustomerDeletedEvent.eventName, { suppressErrors: false })
  async handle(event: EventEnvelope<CustomerDeletedPayload>): Promise<void> {
    const p = event.payload;
    // Nobody listening: nothing to write, so nothing to make idempotent.
    const triggers = await activeTriggers(this.em, [p.ownerId], event.name);
    if (triggers.length === 0) return;
    const actor = event.actorId ? (await this.identity.summaries([event.actorId])).get(event.actorId) : undefined;
    await this.delivery.deliverOnce('send-trigger-messages-when-customer-deleted', event, triggers, { kind: 'customer', eventName: event.name, occurredAt: event.occurredAt, payload: p, actorUsername: actor?.username ?? '' }, { customerId: p.customerId });
  }
}
