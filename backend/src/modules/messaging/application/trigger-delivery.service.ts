import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { EventEnvelope } from '../../../platform/outbox/event-envelope';
import { IdempotentHandlers } from '../../../platform/outbox/idempotency.service';
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
  constructor(private readonly handlers: IdempotentHandlers) {}

  /**
   * Delivers an event's messages exactly once per (handler, event): the triggers that fire are
   * evaluated here, then the handler's idempotency key and every message are written by one
   * statement (IdempotentHandlers.runOnceAsStatement) — one round trip, atomic. A message whose
   * receiver no longer exists is skipped; the (trigger, event) unique key makes a message already
   * written a no-op. Returns whether this delivery was the first for the handler.
   */
  async deliverOnce(handler: string, event: EventEnvelope, triggers: Trigger[], input: TriggerInput, ref: { ticketId?: string; customerId?: string }): Promise<boolean> {
    // The ORM's execute spells an array parameter out as a list, hence `array[?]` (empty: `array[]`).
    const firing = triggers.map((trigger) => ({ trigger, result: evaluateTrigger(trigger, input) })).filter(({ result }) => result.fires && result.receiverId);
    const sql = `insert into messages (id, sender_id, receiver_id, body, trigger_id, event, event_id, ticket_id, customer_id, created_at)
       select m.id, m.sender_id, m.receiver_id, m.body, m.trigger_id, ?, ?, ?::uuid, ?::uuid, now()
         from unnest(array[?]::uuid[], array[?]::uuid[], array[?]::uuid[], array[?]::text[], array[?]::uuid[]) as m(id, sender_id, receiver_id, body, trigger_id)
        where exists (select 1 from fresh) and exists (select 1 from users u where u.id = m.receiver_id)
       on conflict (trigger_id, event_id) do nothing returning id`;
    return this.handlers.runOnceAsStatement(handler, event, {
      sql,
      params: [
        event.name,
        event.eventId,
        ref.ticketId ?? null,
        ref.customerId ?? null,
        firing.map(() => randomUUID()),
        firing.map(({ trigger }) => trigger.ownerId),
        firing.map(({ result }) => result.receiverId),
        firing.map(({ result }) => result.body),
        firing.map(({ trigger }) => trigger.id),
      ],
    });
  }
}
