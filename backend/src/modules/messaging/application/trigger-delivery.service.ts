import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { ItemOutcome, writeTogetherOrAlone } from '../../../platform/batching/group-commit';
import { isDatabaseUnavailable } from '../../../platform/errors/problem.filter';
import { EventEnvelope } from '../../../platform/outbox/event-envelope';
import { IdempotentHandlers, keyOf } from '../../../platform/outbox/idempotency.service';
import { ormRunner } from '../../../platform/database/sql';
import { IdentityService } from '../../identity';
import { DeliveryToWrite, WebhookDeliveries } from '../../webhooks';
import { evaluateTrigger, TriggerInput, TriggerRule } from '../domain/trigger-rules';
import { webhookBody } from './webhook-body';
import {
  activeTriggersOf,
  insertMessagesOfFreshKeys,
  messageCreatedEntries,
  TRIGGERS,
} from '../persistence/messaging.statements';

/** One event for one handler: the triggers of `ownerIds` for the event decide what is sent. */
export interface Delivery {
  handler: string;
  event: EventEnvelope;
  ownerIds: string[];
  input: TriggerInput;
  ref: { ticketId?: string; customerId?: string };
}

/**
 * The active triggers of these users for these events, oldest first: one indexed query into plain
 * records, outside any transaction.
 */
export async function activeTriggers(
  em: EntityManager,
  ownerIds: string[],
  eventNames: string[],
): Promise<TriggerRule[]> {
  const rows = await ormRunner(em).query(activeTriggersOf([...new Set(ownerIds)], [...new Set(eventNames)]));
  return rows.map((r) => {
    const trigger = TRIGGERS.toRecord<TriggerRule>(r);
    return { ...trigger, conditions: trigger.conditions ?? {} };
  });
}

/**
 * Turns events into messages, exactly once per (handler, event). A handler hands over the batch
 * the outbox dispatcher claimed (EventBatch): one query reads the active triggers of all their
 * parties, the triggers that fire are evaluated here, and one statement writes the handlers'
 * idempotency keys and every message (IdempotentHandlers.runOnceAsStatement), atomic. An event
 * nobody listens to (no active trigger of its parties) writes nothing at all. A message whose
 * receiver identity does not know (IdentityService.summaries) is skipped; the (trigger, event)
 * unique key makes a message already written a no-op. If the shared statement fails for another
 * reason than the database being unreachable, each event is delivered alone, so a bad one fails
 * (and is retried) alone.
 */
@Injectable()
export class TriggerDelivery {
  constructor(
    private readonly handlers: IdempotentHandlers,
    private readonly identity: IdentityService,
    private readonly em: EntityManager,
    private readonly webhooks: WebhookDeliveries,
  ) {}

  /**
   * One outcome per delivery, in order: its value is true when this delivery was the first for its
   * handler (false: already done, or nobody listens); an error fails that delivery alone.
   */
  async deliver(items: readonly Delivery[]): Promise<ItemOutcome<boolean>[]> {
    if (items.length === 0) return [];
    const triggers = await activeTriggers(
      this.em,
      items.flatMap((i) => i.ownerIds),
      items.map((i) => i.event.name),
    );
    const listening = items.map((item) =>
      triggers.filter((t) => t.event === item.event.name && item.ownerIds.includes(t.ownerId)),
    );
    // What fires, per event (or the error its evaluation threw: that event alone fails, in `write`).
    const firing = items.map((item, i) => {
      try {
        return listening[i]
          .map((trigger) => ({ trigger, result: evaluateTrigger(trigger, item.input) }))
          .filter(({ result }) => result.fires && (result.receiverId || result.webhookId))
          .map(({ trigger, result }) => ({
            item,
            trigger,
            receiverId: result.receiverId,
            webhookId: result.webhookId,
            body: result.body,
          }));
      } catch (error) {
        return error instanceof Error ? error : new Error(String(error));
      }
    });
    const fired = firing.flatMap((f) => (f instanceof Error ? [] : f));
    const messaged = fired.filter((m) => m.receiverId !== null);
    const names = await this.names(messaged.flatMap((m) => [m.receiverId as string, m.trigger.ownerId]));
    const receivers = new Set(messaged.map((m) => m.receiverId as string).filter((id) => names.has(id)));
    let deliveriesWritten = false;
    // Answers, per index, whether its key was new (the first delivery for its handler).
    const write = async (indexes: number[]): Promise<boolean[]> => {
      const keys = indexes.map((i) => ({ handler: items[i].handler, eventId: items[i].event.eventId }));
      const firedHere = indexes.flatMap((i) => {
        const fired = firing[i];
        if (fired instanceof Error) throw fired;
        return fired;
      });
      const messages = firedHere.filter((m) => m.receiverId !== null && receivers.has(m.receiverId));
      const deliveries: DeliveryToWrite[] = firedHere.flatMap((m) =>
        m.webhookId
          ? [
              {
                id: randomUUID(),
                webhookId: m.webhookId,
                ownerId: m.trigger.ownerId,
                triggerId: m.trigger.id,
                event: m.item.event.name,
                eventId: m.item.event.eventId,
                body: webhookBody(m.trigger, m.item.input, m.body),
                handler: m.item.handler,
              },
            ]
          : [],
      );
      const fresh = await this.handlers.runOnceAsStatement(
        keys,
        (freshKeys) =>
          insertMessagesOfFreshKeys(
            messages.map((m) => ({
              id: randomUUID(),
              senderId: m.trigger.ownerId,
              receiverId: m.receiverId as string,
              body: m.body,
              triggerId: m.trigger.id,
              event: m.item.event.name,
              eventId: m.item.event.eventId,
              ticketId: m.item.ref.ticketId ?? null,
              customerId: m.item.ref.customerId ?? null,
              handler: m.item.handler,
            })),
            freshKeys,
          ),
        messageCreatedEntries(names),
        deliveries.length > 0 ? [this.webhooks.deliveriesOfFreshKeys(deliveries)] : [],
      );
      if (deliveries.length > 0 && fresh.size > 0) deliveriesWritten = true;
      return indexes.map((i) => fresh.has(keyOf(items[i].handler, items[i].event.eventId)));
    };
    const outcomes: ItemOutcome<boolean>[] = items.map(() => ({ ok: true, value: false }));
    const toWrite = items.map((_, i) => i).filter((i) => listening[i].length > 0);
    const written = await writeTogetherOrAlone(toWrite, write, isDatabaseUnavailable);
    toWrite.forEach((i, k) => (outcomes[i] = written[k]));
    if (deliveriesWritten) this.webhooks.written();
    return outcomes;
  }

  /** Those of these users that exist and their names, by identity's facade (cached: usually no query). */
  private async names(ids: string[]): Promise<Map<string, { username: string }>> {
    return ids.length === 0 ? new Map() : this.identity.summaries([...new Set(ids)]);
  }
}
