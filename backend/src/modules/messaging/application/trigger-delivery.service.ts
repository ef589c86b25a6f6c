import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { EventEnvelope } from '../../../platform/outbox/event-envelope';
import { evaluateTrigger, TriggerInput } from '../domain/trigger-rules';
import { Trigger } from '../domain/trigger.entity';

/**
 * The active triggers of these users for this event, oldest first: one indexed query, outside any
 * transaction, so an event nobody listens to costs no write at all, and one that fires needs no
 * second read inside the handler's transaction.
 */
export function activeTriggers(em: EntityManager, ownerIds: string[], eventName: string): Promise<Trigger[]> {
  const owners = [...new Set(ownerIds)];
  return em.fork().find(Trigger, { ownerId: { $in: owners }, event: eventName as Trigger['event'], active: true }, { orderBy: { createdAt: 'asc', id: 'asc' } });
}

/**
 * Turns one event into messages: the active triggers of the parties the contract names are
 * checked, and each that fires writes one message. The (trigger, event) unique key makes a
 * redelivered event a no-op even outside the handler's idempotency key.
 */
@Injectable()
export class TriggerDelivery {
  /**
   * Runs inside the handler's transaction (`em`) with the triggers `activeTriggers` found. Returns
   * how many messages were written.
   */
  async deliver(em: EntityManager, event: EventEnvelope, triggers: Trigger[], input: TriggerInput, ref: { ticketId?: string; customerId?: string }): Promise<number> {
    let written = 0;
    for (const trigger of triggers) {
      const result = evaluateTrigger(trigger, input);
      if (!result.fires || !result.receiverId) continue;
      const rows = await em.getConnection().execute(
        `insert into messages (id, sender_id, receiver_id, body, trigger_id, event, event_id, ticket_id, customer_id, created_at)
         select ?, ?, ?, ?, ?, ?, ?, ?, ?, now() where exists (select 1 from users where id = ?)
         on conflict (trigger_id, event_id) do nothing returning id`,
        [randomUUID(), trigger.ownerId, result.receiverId, result.body, trigger.id, event.name, event.eventId, ref.ticketId ?? null, ref.customerId ?? null, result.receiverId],
        'all',
        em.getTransactionContext(),
      );
      written += rows.length;
    }
    return written;
  }
}
