import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { GroupCommit, ItemOutcome, writeTogetherOrAlone } from '../../../platform/batching/group-commit';
import { isDatabaseUnavailable } from '../../../platform/errors/problem.filter';
import { EventEnvelope } from '../../../platform/outbox/event-envelope';
import { IdempotentHandlers, keyOf } from '../../../platform/outbox/idempotency.service';
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

/** One event for one handler: the triggers of `ownerIds` for the event decide what is sent. */
export interface Delivery {
  handler: string;
  event: EventEnvelope;
  ownerIds: string[];
  input: TriggerInput;
  ref: { ticketId?: string; customerId?: string };
}

/**
 * The active triggers of these users for these events, oldest first: one indexed query
 * (`triggers_active_owner_event_idx`) into plain records, outside any transaction.
 */
export async function activeTriggers(em: EntityManager, ownerIds: string[], eventNames: string[]): Promise<TriggerRule[]> {
  const owners = [...new Set(ownerIds)];
  const names = [...new Set(eventNames)];
  const rows = await em.getConnection().execute<TriggerRow[]>(
    `select id, owner_id, event, conditions, recipient, message, active from triggers
      where owner_id in (${owners.map(() => '?').join(', ')}) and event in (${names.map(() => '?').join(', ')}) and active order by created_at, id`,
    [...owners, ...names],
  );
  return rows.map((r) => ({ id: r.id, ownerId: r.owner_id, event: r.event, conditions: r.conditions ?? {}, recipient: r.recipient, message: r.message, active: r.active }));
}

/**
 * Turns events into messages, exactly once per (handler, event). The events a dispatcher batch
 * hands over together are delivered together (group commit): one query reads the active triggers
 * of all their parties, the triggers that fire are evaluated here, and one statement writes the
 * handlers' idempotency keys and every message (IdempotentHandlers.runOnceAsStatement), atomic.
 * An event nobody listens to (no active trigger of its parties) writes nothing at all. A message
 * whose receiver no longer exists is skipped; the (trigger, event) unique key makes a message
 * already written a no-op. If the shared statement fails for another reason than the database
 * being unreachable, each event is delivered alone, so a bad one fails (and is retried) alone.
 */
@Injectable()
export class TriggerDelivery {
  private readonly runs = new GroupCommit<Delivery, boolean>((items) => this.deliverMany(items), { maxBatch: 64, maxInFlight: 4 });

  constructor(
    private readonly handlers: IdempotentHandlers,
    private readonly em: EntityManager,
  ) {}

  /** Resolves to true when this delivery was the first for the handler (false: already done, or nobody listens). */
  deliver(delivery: Delivery): Promise<boolean> {
    return this.runs.submit(delivery);
  }

  private async deliverMany(items: Delivery[]): Promise<ItemOutcome<boolean>[]> {
    const triggers = await activeTriggers(
      this.em,
      items.flatMap((i) => i.ownerIds),
      items.map((i) => i.event.name),
    );
    const listening = items.map((item) => triggers.filter((t) => t.event === item.event.name && item.ownerIds.includes(t.ownerId)));
    // Answers, per index, whether its key was new (the first delivery for its handler).
    const write = async (indexes: number[]): Promise<boolean[]> => {
      const keys = indexes.map((i) => ({ handler: items[i].handler, eventId: items[i].event.eventId }));
      const messages = indexes.flatMap((i) =>
        listening[i]
          .map((trigger) => ({ trigger, result: evaluateTrigger(trigger, items[i].input) }))
          .filter(({ result }) => result.fires && result.receiverId)
          .map(({ trigger, result }) => ({ item: items[i], trigger, receiverId: result.receiverId as string, body: result.body })),
      );
      // The ORM's execute spells an array parameter out as a list, hence `array[?]` (empty: `array[]`).
      const column = <T>(pick: (m: (typeof messages)[number]) => T) => messages.map(pick);
      const fresh = await this.handlers.runOnceAsStatement(keys, {
        sql: `insert into messages (id, sender_id, receiver_id, body, trigger_id, event, event_id, ticket_id, customer_id, created_at)
          select m.id, m.sender_id, m.receiver_id, m.body, m.trigger_id, m.event, m.event_id, m.ticket_id, m.customer_id, now()
            from unnest(array[?]::uuid[], array[?]::uuid[], array[?]::uuid[], array[?]::text[], array[?]::uuid[], array[?]::text[], array[?]::uuid[], array[?]::uuid[], array[?]::uuid[], array[?]::text[])
                 as m(id, sender_id, receiver_id, body, trigger_id, event, event_id, ticket_id, customer_id, handler)
           where exists (select 1 from fresh f where f.handler = m.handler and f.event_id = m.event_id)
             and exists (select 1 from users u where u.id = m.receiver_id)
          on conflict (trigger_id, event_id) do nothing returning id`,
        params: [
          column(() => randomUUID()),
          column((m) => m.trigger.ownerId),
          column((m) => m.receiverId),
          column((m) => m.body),
          column((m) => m.trigger.id),
          column((m) => m.item.event.name),
          column((m) => m.item.event.eventId),
          column((m) => m.item.ref.ticketId ?? null),
          column((m) => m.item.ref.customerId ?? null),
          column((m) => m.item.handler),
        ],
      });
      return indexes.map((i) => fresh.has(keyOf(items[i].handler, items[i].event.eventId)));
    };
    const outcomes: ItemOutcome<boolean>[] = items.map(() => ({ ok: true, value: false }));
    const toWrite = items.map((_, i) => i).filter((i) => listening[i].length > 0);
    const written = await writeTogetherOrAlone(toWrite, write, isDatabaseUnavailable);
    toWrite.forEach((i, k) => (outcomes[i] = written[k]));
    return outcomes;
  }
}
