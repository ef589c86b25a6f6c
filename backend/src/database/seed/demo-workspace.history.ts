import type { SeedRun } from './seed-run';

/** An ISO 8601 time in UTC, as the API and the events write it. */
const iso = (column: string) => `to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/**
 * The demo tickets' histories, so the history timeline shows what a real workspace's would: each
 * seeded ticket's creation, the escalation of the urgent and high ones (the urgent ones through
 * the "Escalate to urgent" macro), the move to pending or the close by the assignee, and every
 * reply. They are entries of the event log like any change's (ADR 0012), already processed (a
 * trigger does not fire for them), in the order they happened. Only tickets without any entry
 * get them: running it again, or after the demo user changed a ticket, adds nothing.
 */
export async function seedDemoHistory(run: SeedRun, ticketIds: string[], escalateMacroId: string): Promise<void> {
  await run(historyInsert, [ticketIds, escalateMacroId]);
}

const historyInsert = `with t as (
       select t.*, cr.username as creator_name, asg.username as assignee_name,
              cu.name as customer_name, cu.email as customer_email
         from tickets t
         join users cr on cr.id = t.creator_id
         join users asg on asg.id = t.assignee_id
         join customers cu on cu.id = t.customer_id
        where t.id = any(array[?]::uuid[])
          and not exists (select 1 from outbox_events e where e.subject_id = t.id)
     ),
     step as (
       select t.id, 'ticket.created' as name, t.created_at as at, t.creator_id as actor_id, t.creator_name as actor_name,
              'open' as status, case when t.priority in ('urgent', 'high') then 'normal' else t.priority end as priority,
              '[]'::jsonb as changes, '{"kind":"user"}'::jsonb as via, null::jsonb as comment
         from t
       union all
       select t.id, 'ticket.updated', t.created_at + interval '40 minutes', t.assignee_id, t.assignee_name,
              'open', t.priority,
              jsonb_build_array(jsonb_build_object('field', 'priority', 'from', 'normal', 'to', t.priority)),
              case when t.priority = 'urgent'
                   then jsonb_build_object('kind', 'macro', 'id', ?::uuid, 'name', 'Escalate to urgent')
                   else '{"kind":"user"}'::jsonb end,
              null
         from t where t.priority in ('urgent', 'high')
       union all
       select t.id, case when t.status = 'closed' then 'ticket.closed' else 'ticket.updated' end,
              coalesce(t.closed_at, t.created_at + interval '3 hours'), t.assignee_id, t.assignee_name,
              t.status, t.priority,
              jsonb_build_array(jsonb_build_object('field', 'status', 'from', 'open', 'to', t.status)),
              '{"kind":"user"}'::jsonb, null
         from t where t.status <> 'open'
       union all
       select t.id, 'comment.created', c.created_at, c.author_id, a.username, t.status, t.priority, '[]'::jsonb,
              '{"kind":"user"}'::jsonb,
              jsonb_build_object('id', c.id, 'body', c.body, 'author', jsonb_build_object('id', a.id, 'username', a.username),
                                 'createdAt', ${iso('c.created_at')})
         from t join ticket_comments c on c.ticket_id = t.id join users a on a.id = c.author_id
     ),
     -- Sorted before the insert numbers the rows: seq follows the order of the rows it is given.
     ordered as materialized (
       select s.name,
              jsonb_build_object(
                'ticket', jsonb_build_object(
                  'id', t.id, 'title', t.title, 'description', t.description, 'status', s.status,
                  'priority', s.priority, 'type', t.type, 'topic', t.topic, 'photoUrl', t.photo_url,
                  'customerId', t.customer_id, 'assigneeId', t.assignee_id, 'version', 1,
                  'createdAt', ${iso('t.created_at')}, 'updatedAt', ${iso('s.at')},
                  'closedAt', case when s.status = 'closed' then ${iso('t.closed_at')} end),
                'creator', jsonb_build_object('id', t.creator_id, 'username', t.creator_name),
                'assignee', jsonb_build_object('id', t.assignee_id, 'username', t.assignee_name),
                'customer', jsonb_build_object('id', t.customer_id, 'name', t.customer_name, 'email', t.customer_email),
                'actor', jsonb_build_object('id', s.actor_id, 'username', s.actor_name),
                'changes', s.changes, 'via', s.via)
                || case when s.comment is null then '{}'::jsonb else jsonb_build_object('comment', s.comment) end
                as payload, s.actor_id, s.at, array[t.creator_id, t.assignee_id] as audience, t.id as subject_id
           from step s join t on t.id = s.id
          order by s.id, s.at
     )
     insert into outbox_events (id, name, payload, actor_id, occurred_at, status, processed_at, audience, subject_id)
     select gen_random_uuid(), name, payload, actor_id, at, 'done', at, audience, subject_id from ordered`;
