import { Sql, sql } from '../../../platform/database/sql';
import type { DerivedEvents } from '../../../platform/outbox/outbox.service';

/** The names a snapshot shows, read through the identity and customers facades (never their tables). */
export interface SnapshotNames {
  users: ReadonlyMap<string, { username: string }>;
  customers: ReadonlyMap<string, { name: string; email: string; deleted: boolean }>;
}

/** A timestamp as JavaScript's `toISOString` writes it (milliseconds, UTC), or null. */
const iso = (column: Sql) => sql`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/**
 * The `ticket.overdue` events of the tickets `ids`, their payloads built by the database: the
 * snapshot `buildSnapshot` gives every other ticket event (here with no actor, via an automation,
 * overdue), from the ticket's row and the names passed in. The two builders are
 * kept equal by `backend-e2e/src/overdue-snapshot.spec.ts`, which compares their output on tickets
 * of every shape. Events are in due order, as the scheduler claimed them.
 */
export function overdueEvents(ids: string[], names: SnapshotNames): DerivedEvents {
  const users = [...names.users];
  const customers = [...names.customers];
  const people = (alias: string) =>
    sql`unnest(${users.map(([id]) => id)}::uuid[], ${users.map(([, u]) => u.username)}::text[]) ${sql.ident(alias)} (id, username)`;
  const person = (id: Sql, alias: string) =>
    sql`jsonb_build_object('id', ${id}, 'username', coalesce(${sql.ident(alias, 'username')}, ''))`;
  return {
    from: sql`from tickets t
      left join ${people('cu')} on cu.id = t.creator_id
      left join ${people('au')} on au.id = t.assignee_id
      left join unnest(${customers.map(([id]) => id)}::uuid[], ${customers.map(([, c]) => c.name)}::text[], ${customers.map(([, c]) => c.email)}::text[], ${customers.map(([, c]) => c.deleted)}::boolean[]) c (id, name, email, deleted) on c.id = t.customer_id
      where t.id = any(${ids}::uuid[])
      order by t.due_at, t.id`,
    payload: sql`jsonb_build_object(
      'ticket', jsonb_build_object(
        'id', t.id, 'number', t.number, 'title', t.title, 'description', t.description,
        'status', t.status, 'priority', t.priority, 'type', t.type, 'topic', t.topic,
        'photoUrl', t.photo_url, 'customerId', t.customer_id, 'assigneeId', t.assignee_id,
        'version', t.version, 'createdAt', ${iso(sql`t.created_at`)}, 'updatedAt', ${iso(sql`t.updated_at`)},
        'closedAt', ${iso(sql`t.closed_at`)}, 'dueAt', ${iso(sql`t.due_at`)}, 'overdue', true),
      'creator', ${person(sql`t.creator_id`, 'cu')},
      'assignee', ${person(sql`t.assignee_id`, 'au')},
      'customer', jsonb_build_object('id', t.customer_id, 'name', coalesce(c.name, ''), 'email', coalesce(c.email, ''), 'deleted', coalesce(c.deleted, false)),
      'actor', null, 'changes', '[]'::jsonb, 'via', jsonb_build_object('kind', 'automation'))`,
    audience: sql`case when t.creator_id = t.assignee_id then array[t.creator_id] else array[t.creator_id, t.assignee_id] end`,
    subjectId: sql`t.id`,
  };
}
