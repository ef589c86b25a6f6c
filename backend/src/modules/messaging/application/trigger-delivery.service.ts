import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { EventEnvelope } from '../../../platform/outbox/event-envelope';
import { IdempotentHandlers } from '../../../platform/outbox/idempotency.service';
import { evaluateTrigger, TriggerInput, TriggerRule } from '../domain/trigger-rules';
import type { TriggerConditions, TriggerEvent, TriggerRecipient } from '../domain/trigger.entity';

interface TriggerRow {
  id: string;
  owner_id: string;
  event: TriggerEvent;
  conditions: TriggerConditions | null;
  recipient: TriggerRecipient;
  message: string;
  active: boolean;
}

/**
 * The active triggers of these users for this event, oldest first: one indexed query
 * (`triggers_active_owner_event_idx`) into plain records, outside any transaction, so an event
 * nobody listens to costs no write at all, and one that fires needs no second read.
 */
export async function activeTriggers(em: EntityManager, ownerIds: string[], eventName: string): Promise<TriggerRule[]> {
  const owners = [...new Set(ownerIds)];
  const rows = await em.getConnection().execute<TriggerRow[]>(
    `select id, owner_id, event, conditions, recipient, message, active from triggers
      where owner_id in (${owners.map(() => '?').join(', ')}) and event = ? and active order by created_at, id`,
    [...owners, eventName],
  );
  return rows.map((r) => ({ id: r.id, ownerId: r.owner_id, event: r.event, conditions: r.conditions ?? {}, recipient: r.recipient, message: r.message, active: r.active }));
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
  async deliverOnce(handler: string, event: EventEnvelope, triggers: TriggerRule[], input: TriggerInput, ref: { ticketId?: string; customerId?: string }): Promise<boolean> {
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
