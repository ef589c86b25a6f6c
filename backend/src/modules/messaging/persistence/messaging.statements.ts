import { afterPosition, keysetOrder } from '../../../platform/database/keyset';
import { defineTable, Sql, sql } from '../../../platform/database/sql';
import type { InterestCondition } from '../../../platform/outbox/event-interest';
import type { KeysetPosition } from '../../../platform/pagination/cursor';

/** Every statement of the messaging module that is not the unit of work's. */

export const MESSAGES = defineTable('messages', {
  id: 'uuid',
  sender_id: 'uuid',
  receiver_id: 'uuid',
  body: 'text',
  trigger_id: 'uuid',
  event: 'text',
  event_id: 'uuid',
  ticket_id: 'uuid',
  customer_id: 'uuid',
  created_at: 'timestamptz',
  read_at: 'timestamptz',
});

export const TRIGGERS = defineTable('triggers', {
  id: 'uuid',
  name: 'text',
  owner_id: 'uuid',
  event: 'text',
  conditions: 'jsonb',
  recipient: 'jsonb',
  message: 'text',
  active: 'boolean',
});

/** What a box shows of a message. */
export const LISTED = MESSAGES.pick(
  'id',
  'sender_id',
  'receiver_id',
  'body',
  'trigger_id',
  'event',
  'ticket_id',
  'customer_id',
  'created_at',
  'read_at',
);

/** The inbox (received) or sent box, newest first: one range scan of the box's `(…, created_at desc, id desc)` index. */
export const boxPage = (userId: string, box: 'inbox' | 'sent', after: KeysetPosition | null, take: number): Sql =>
  sql`select ${LISTED.columns()} from messages where ${sql.ident(box === 'inbox' ? 'receiver_id' : 'sender_id')} = ${userId}${afterPosition(after)} ${keysetOrder()} limit ${take}`;

/**
 * An outbox interest condition: some active trigger of the event's audience listens to `eventName`
 * (the triggers activeTriggersOf reads for the event's parties, who are in its audience).
 */
export const triggersListen =
  (eventName: string): InterestCondition =>
  ({ audience }) =>
    sql`exists (select 1 from triggers t where t.owner_id = any(${audience}) and t.event = ${eventName} and t.active)`;

/** The active triggers of these users for these events, oldest first (`triggers_active_owner_event_idx`). */
export const activeTriggersOf = (ownerIds: string[], eventNames: string[]): Sql =>
  sql`select ${TRIGGERS.columns()} from triggers
      where owner_id = any(${ownerIds}::uuid[]) and event = any(${eventNames}::text[]) and active order by created_at, id`;

/** A message to write, with the handler whose idempotency key decides whether it is written. */
export interface MessageToWrite {
  id: string;
  senderId: string;
  receiverId: string;
  body: string;
  triggerId: string;
  event: string;
  eventId: string;
  ticketId: string | null;
  customerId: string | null;
  handler: string;
}

/**
 * The messages of the (handler, event) keys that were new (`freshKeys`, IdempotentHandlers.
 * runOnceAsStatement), each once per (trigger, event). Only messaging's tables: the caller has
 * checked the receivers with identity's facade.
 */
export function insertMessagesOfFreshKeys(messages: MessageToWrite[], freshKeys: Sql): Sql {
  const column = <T>(pick: (m: MessageToWrite) => T) => messages.map(pick);
  return sql`insert into messages (id, sender_id, receiver_id, body, trigger_id, event, event_id, ticket_id, customer_id, created_at)
          select m.id, m.sender_id, m.receiver_id, m.body, m.trigger_id, m.event, m.event_id, m.ticket_id, m.customer_id, now()
            from unnest(${column((m) => m.id)}::uuid[], ${column((m) => m.senderId)}::uuid[], ${column((m) => m.receiverId)}::uuid[], ${column((m) => m.body)}::text[],
                        ${column((m) => m.triggerId)}::uuid[], ${column((m) => m.event)}::text[], ${column((m) => m.eventId)}::uuid[], ${column((m) => m.ticketId)}::uuid[],
                        ${column((m) => m.customerId)}::uuid[], ${column((m) => m.handler)}::text[])
                 as m(id, sender_id, receiver_id, body, trigger_id, event, event_id, ticket_id, customer_id, handler)
           where exists (select 1 from ${freshKeys} f where f.handler = m.handler and f.event_id = m.event_id)
          on conflict (trigger_id, event_id) do nothing
          returning id, sender_id, receiver_id, body, trigger_id, event, ticket_id, customer_id, created_at`;
}

/** An instant as the API writes it (`toISOString`: UTC, milliseconds, `Z`). */
const iso = (column: Sql) => sql`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/**
 * The `message.created` log entry of each message a statement inserted (`rows`: its RETURNING
 * list), with the message as `GET /api/messages` shows it; for its sender and receiver. `names`:
 * the usernames of the people involved, as identity's facade gave them.
 */
export const messageCreatedEntries =
  (names: Map<string, { username: string }>) =>
  (rows: Sql): Sql => {
    const ids = [...names.keys()];
    const usernames = ids.map((id) => names.get(id)?.username ?? '');
    const person = (alias: string, column: string) =>
      sql`jsonb_build_object('id', w.${sql.ident(column)}, 'username', coalesce(${sql.ident(alias)}.username, ''))`;
    return sql`select 'message.created' as name,
              jsonb_build_object('message', jsonb_build_object('id', w.id, 'sender', ${person('s', 'sender_id')}, 'receiver', ${person('r', 'receiver_id')},
                'body', w.body, 'triggerId', w.trigger_id, 'event', w.event, 'ticketId', w.ticket_id, 'customerId', w.customer_id,
                'createdAt', ${iso(sql`w.created_at`)}, 'readAt', null)) as payload,
              null::uuid as actor_id, array[w.sender_id, w.receiver_id] as audience, null::uuid as subject_id
         from ${rows} w
         left join unnest(${ids}::uuid[], ${usernames}::text[]) as s(id, username) on s.id = w.sender_id
         left join unnest(${ids}::uuid[], ${usernames}::text[]) as r(id, username) on r.id = w.receiver_id`;
  };
