import { afterPosition, keysetOrder } from '../../../platform/database/keyset';
import { defineTable, Sql, sql } from '../../../platform/database/sql';
import type { KeysetPosition } from '../../../platform/pagination/cursor';

/** Every statement of the webhooks module that is not the unit of work's. */

export const DELIVERIES = defineTable('webhook_deliveries', {
  id: 'uuid',
  webhook_id: 'uuid',
  trigger_id: 'uuid',
  event: 'text',
  event_id: 'uuid',
  body: 'text',
  status: 'text',
  attempts: 'int',
  last_response_status: 'int',
  last_error: 'text',
  next_attempt_at: 'timestamptz',
  retry_until: 'timestamptz',
  created_at: 'timestamptz',
});

/** What the delivery log shows of a delivery. */
export const LOGGED = DELIVERIES.pick(
  'id',
  'event',
  'status',
  'attempts',
  'last_response_status',
  'last_error',
  'next_attempt_at',
  'created_at',
);

/** One webhook's deliveries, newest first (`webhook_deliveries_webhook_created_idx`). */
export const deliveryPage = (webhookId: string, after: KeysetPosition | null, take: number): Sql =>
  sql`select ${LOGGED.columns()} from webhook_deliveries where webhook_id = ${webhookId}${afterPosition(after)} ${keysetOrder()} limit ${take}`;

/** A delivery to send as soon as a worker is free (the test delivery). */
export const insertDelivery = (d: {
  id: string;
  webhookId: string;
  event: string;
  body: string;
  windowMs: number;
}): Sql =>
  sql`insert into webhook_deliveries (id, webhook_id, event, body, next_attempt_at, retry_until)
      values (${d.id}, ${d.webhookId}, ${d.event}, ${d.body}, now(), now() + ${d.windowMs} * interval '1 millisecond')`;

/**
 * Sends a delivery again now, with a fresh retry window and the same id (so the same `webhook-id`).
 * An attempt in flight (its lease not run out) is left alone: it is being sent right now.
 * Answers the delivery's id when it belongs to the webhook.
 */
export const requeueDelivery = (webhookId: string, deliveryId: string, windowMs: number): Sql =>
  sql`update webhook_deliveries set
        status = 'pending',
        next_attempt_at = case when lease_token is not null and next_attempt_at > now() then next_attempt_at else now() end,
        retry_until = now() + ${windowMs} * interval '1 millisecond',
        updated_at = now()
      where id = ${deliveryId} and webhook_id = ${webhookId}
      returning id`;

/** A delivery a trigger wrote, with the handler whose idempotency key decides whether it is written. */
export interface DeliveryToWrite {
  id: string;
  webhookId: string;
  ownerId: string;
  triggerId: string;
  event: string;
  eventId: string;
  body: string;
  handler: string;
}

/**
 * The deliveries of the (handler, event) keys that were new (`freshKeys`, IdempotentHandlers.
 * runOnceAsStatement), each once per (trigger, event), for a data-modifying CTE of the handler's
 * statement. Only to an active webhook of the trigger's owner: a deleted, deactivated or foreign
 * webhook gets nothing. Due at once, retried until `windowMs` from now.
 */
export function insertDeliveriesOfFreshKeys(deliveries: DeliveryToWrite[], freshKeys: Sql, windowMs: number): Sql {
  const column = <T>(pick: (d: DeliveryToWrite) => T) => deliveries.map(pick);
  return sql`insert into webhook_deliveries (id, webhook_id, trigger_id, event, event_id, body, next_attempt_at, retry_until)
          select d.id, d.webhook_id, d.trigger_id, d.event, d.event_id, d.body, now(), now() + ${windowMs} * interval '1 millisecond'
            from unnest(${column((d) => d.id)}::uuid[], ${column((d) => d.webhookId)}::uuid[], ${column((d) => d.ownerId)}::uuid[],
                        ${column((d) => d.triggerId)}::uuid[], ${column((d) => d.event)}::text[], ${column((d) => d.eventId)}::uuid[],
                        ${column((d) => d.body)}::text[], ${column((d) => d.handler)}::text[])
                 as d(id, webhook_id, owner_id, trigger_id, event, event_id, body, handler)
            join webhooks w on w.id = d.webhook_id and w.owner_id = d.owner_id and w.active
           where exists (select 1 from ${freshKeys} f where f.handler = d.handler and f.event_id = d.event_id)
          on conflict (trigger_id, event_id) do nothing
          returning id`;
}

/** A claimed delivery: what one attempt needs. */
export interface ClaimedDelivery {
  id: string;
  webhookId: string;
  body: string;
  attempts: number;
  url: string;
  secret: string;
}

/**
 * Claims up to `take` due deliveries of active webhooks for one attempt each: `FOR UPDATE SKIP
 * LOCKED` over the due index (another worker's claim in progress is skipped), at most `cap` per
 * webhook (`caps` for the webhooks this instance is already calling; `excluded` ones not at all),
 * and a lease: `next_attempt_at` moves `leaseMs` ahead and `lease_token` names this claim, so
 * nobody else claims the delivery while it is sent, and only this claim can record the outcome.
 */
export function claimDue(c: {
  take: number;
  scan: number;
  cap: number;
  caps: { webhookId: string; cap: number }[];
  excluded: string[];
  leaseMs: number;
  token: string;
}): Sql {
  return sql`with candidates as (
        select d.id, d.webhook_id, d.next_attempt_at from webhook_deliveries d
          join webhooks w on w.id = d.webhook_id and w.active
         where d.status = 'pending' and d.next_attempt_at <= now() and not (d.webhook_id = any(${c.excluded}::uuid[]))
         order by d.next_attempt_at
         limit ${c.scan}
         for update of d skip locked),
      ranked as (
        select id, webhook_id, next_attempt_at, row_number() over (partition by webhook_id order by next_attempt_at, id) as rn from candidates),
      chosen as (
        select r.id from ranked r
          left join unnest(${c.caps.map((k) => k.webhookId)}::uuid[], ${c.caps.map((k) => k.cap)}::int[]) as k(webhook_id, cap) on k.webhook_id = r.webhook_id
         where r.rn <= coalesce(k.cap, ${c.cap})
         order by r.next_attempt_at
         limit ${c.take})
    update webhook_deliveries d
       set next_attempt_at = now() + ${c.leaseMs} * interval '1 millisecond', lease_token = ${c.token}, updated_at = now()
      from chosen, webhooks w
     where d.id = chosen.id and w.id = d.webhook_id
    returning d.id, d.webhook_id, d.body, d.attempts, w.url, w.secret`;
}

/**
 * These attempts got a 2xx: their deliveries are done, in one statement (only the claims that hold
 * the leases record them).
 */
export const recordSuccesses = (done: { id: string; token: string; status: number }[]): Sql =>
  sql`update webhook_deliveries d set status = 'succeeded', attempts = d.attempts + 1, last_response_status = s.status,
        last_error = null, next_attempt_at = null, lease_token = null, updated_at = now()
      from unnest(${done.map((x) => x.id)}::uuid[], ${done.map((x) => x.token)}::uuid[], ${done.map((x) => x.status)}::int[]) as s(id, token, status)
      where d.id = s.id and d.lease_token = s.token
      returning d.id`;

/**
 * The attempt failed: retried after `delayMs`, or `failed` when that would be past its retry
 * window. Answers the new status (none when the lease was lost).
 */
export const recordFailure = (id: string, token: string, status: number | null, error: string, delayMs: number): Sql =>
  sql`update webhook_deliveries set
        attempts = attempts + 1, last_response_status = ${status}, last_error = ${error}, lease_token = null, updated_at = now(),
        status = case when now() + ${delayMs} * interval '1 millisecond' > retry_until then 'failed' else 'pending' end,
        next_attempt_at = case when now() + ${delayMs} * interval '1 millisecond' > retry_until then null
                               else now() + ${delayMs} * interval '1 millisecond' end
      where id = ${id} and lease_token = ${token}
      returning status`;

export const WEBHOOKS_CHANNEL = 'bw_webhooks';

export const notifyWorkers = (instanceId: string): Sql => sql`select pg_notify(${WEBHOOKS_CHANNEL}, ${instanceId})`;
