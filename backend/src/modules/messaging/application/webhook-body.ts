import type { TriggerInput, TriggerRule } from '../domain/trigger-rules';

/**
 * What a trigger sends to a webhook, as the contract fixes it: `{type, timestamp, data: {trigger
 * {id, name}, ticket?, customer?, message}}`, `message` being the rendered template. The ticket and
 * customer are the event's snapshot (as they were when it happened). Written once, as text, so
 * every attempt sends (and signs) the same bytes.
 */
export function webhookBody(trigger: Pick<TriggerRule, 'id' | 'name'>, input: TriggerInput, message: string): string {
  const data =
    input.kind === 'ticket'
      ? { ticket: input.payload.ticket, customer: input.payload.customer }
      : {
          customer: {
            id: input.payload.customerId,
            name: input.payload.name,
            email: input.payload.email,
            company: input.payload.company,
            deletedAt: input.payload.deletedAt,
          },
        };
  return JSON.stringify({
    type: input.eventName,
    timestamp: input.occurredAt,
    data: { trigger: { id: trigger.id, name: trigger.name }, ...data, message },
  });
}
