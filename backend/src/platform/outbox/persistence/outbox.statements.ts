import { defineTable, Sql, sql } from '../../database/sql';
import { EventRowColumns, wantedBy } from '../event-interest';
import type { NewEvent } from '../outbox-event.entity';

/** The statements of the outbox, its dispatcher and the handlers' idempotency keys. */

/** The columns a new event is written with (the rest keep their defaults). */
export const OUTBOX_EVENTS = defineTable('outbox_events', {
  id: 'uuid',
  name: 'text',
  payload: 'jsonb',
  actor_id: 'uuid',
  occurred_at: 'timestamptz',
  status: 'text',
  attempts: 'int',
  next_attempt_at: 'timestamptz',
  audience: 'uuid[]',
  subject_id: 'uuid',
});

const eventRow = (event: NewEvent) => OUTBOX_EVENTS.toRow({ ...event, payload: JSON.stringify(event.payload) });

/** The row being written, as the handlers' interest conditions see it. */
const V: EventRowColumns = { audience: sql.ident('v', 'audience'), payload: sql.ident('v', 'payload') };

/**
 * Whether some handler may want each event of these names (wantedBy): `true` or `false` when that
 * holds for all of them, else a condition over the row `v` (by its name when the names differ).
 */
function wanted(names: string[]): Sql | boolean {
  const byName = new Map([...new Set(names)].map((name) => [name, wantedBy(name, V)]));
  const answers = [...byName.values()];
  if (answers.every((a) => a === true)) return true;
  if (answers.every((a) => a === false)) return false;
  if (byName.size === 1) return answers[0];
  const condition = (a: Sql | boolean) => (typeof a === 'boolean' ? (a ? sql`true` : sql`false`) : a);
  return sql`case v.name ${sql.join(
    [...byName].map(([name, a]) => sql`when ${name} then ${condition(a)}`),
    sql` `,
  )} end`;
}

/**
 * Inserts events of the given `names`, given as `rows` (a VALUES list or a SELECT of
 * OUTBOX_EVENTS's columns), optionally `where`. An event no handler may want is written already
 * delivered (status done, processed now), so no dispatcher claims it (ADR 0005, amended); the
 * others are pending as written.
 */
function insertEvents(names: string[], rows: Sql, where: Sql = sql.empty): Sql {
  const w = wanted(names);
  if (w === true) return sql`insert into outbox_events (${OUTBOX_EVENTS.columns()}) ${rows}${where}`;
  const status = w === false ? sql`'done'` : sql`case when w.wanted then v.status else 'done' end`;
  const processed = w === false ? sql`now()` : sql`case when w.wanted then null else now() end`;
  const picked = OUTBOX_EVENTS.columnNames.map((c) => (c === 'status' ? status : sql.ident('v', c)));
  // `offset 0` keeps the subquery from being pulled up into the two CASEs that read it, which
  // would evaluate the condition (an index probe per event) twice.
  const lateral = w === false ? sql.empty : sql` cross join lateral (select ${w} as wanted offset 0) w`;
  return sql`insert into outbox_events (${OUTBOX_EVENTS.columns()}, processed_at) select ${sql.join(picked)}, ${processed} from (${rows}) v (${OUTBOX_EVENTS.columns()})${lateral}${where}`;
}

/** A data-modifying statement and the events it publishes, in one statement (atomic on its own). */
export const changeWithEvents = (change: Sql, events: NewEvent[]): Sql =>
  sql`with change as (${change}), events as (${insertEvents(
    events.map((e) => e.name),
    sql`values ${OUTBOX_EVENTS.values(events.map(eventRow))}`,
  )}) select 1`;

/**
 * Events the database builds from rows it reads, one per row of `from` (a FROM clause with its
 * WHERE and ORDER BY): each part is an expression over `from`'s names. For a batch whose payloads
 * the database can put together itself, so they never travel as JSON text (the overdue scheduler).
 */
export interface DerivedEvents {
  from: Sql;
  /** A jsonb expression: the event's payload. */
  payload: Sql;
  /** A uuid[] expression: who is told (EventLogFacets.audience), without repeats. */
  audience: Sql;
  /** A uuid expression: the record whose history the event is part of. */
  subjectId: Sql;
}

/** A data-modifying statement and the events of `name` derived from rows, in one statement, with no actor. */
export const changeWithDerivedEvents = (change: Sql, name: string, events: DerivedEvents): Sql =>
  sql`with change as (${change}), events as (${insertEvents(
    [name],
    sql`select gen_random_uuid(), ${name}::text, ${events.payload}, null::uuid, now(), 'pending', 0, now(), ${events.audience}, ${events.subjectId} ${events.from}`,
  )}) select 1`;

/** A guarded data-modifying statement with a RETURNING list, and its event only if it matched; answers the change's rows. */
export const changeAndEventIfMatched = (change: Sql, event: NewEvent): Sql =>
  sql`with change as (${change}), event as (${insertEvents([event.name], sql`select ${OUTBOX_EVENTS.row(eventRow(event))}`, sql` where exists (select 1 from change)`)}) select * from change`;

export const BEGIN = sql`begin`;
export const COMMIT = sql`commit`;
export const ROLLBACK = sql`rollback`;

/** The oldest due events no other worker holds, locked until the claiming transaction ends. */
export const claimDueEvents = (limit: number): Sql =>
  sql`select id, name, payload, actor_id, occurred_at, attempts from outbox_events
       where status = 'pending' and next_attempt_at <= now()
       order by occurred_at, id limit ${limit} for update skip locked`;

export const markDone = (ids: string[]): Sql =>
  sql`update outbox_events set status = 'done', attempts = attempts + 1, processed_at = now(), last_error = null where id = any(${ids}::uuid[])`;

export const markFailed = (id: string, attempts: number, error: string): Sql =>
  sql`update outbox_events set status = 'failed', attempts = ${attempts}, last_error = ${error} where id = ${id}`;

export const scheduleRetry = (id: string, attempts: number, error: string, delayMs: number): Sql =>
  sql`update outbox_events set attempts = ${attempts}, last_error = ${error}, next_attempt_at = now() + make_interval(secs => ${delayMs}::double precision / 1000) where id = ${id}`;

/** Delivered events that are about no record (a ticket's events are its history and stay). */
export const pruneDoneEvents = (days: number): Sql =>
  sql`delete from outbox_events where status = 'done' and subject_id is null and processed_at < now() - make_interval(days => ${days})`;

export const pruneProcessedKeys = (days: number): Sql =>
  sql`delete from processed_events where processed_at < now() - make_interval(days => ${days})`;

export const notify = (channel: string, payload: string): Sql => sql`select pg_notify(${channel}, ${payload})`;

/** One handler's key for one event, written unless it is there (then the handler had run). */
export const insertProcessedKey = (handler: string, eventId: string): Sql =>
  sql`insert into processed_events (handler, event_id) values (${handler}, ${eventId}) on conflict do nothing returning event_id`;

/** Log entries a statement derives from another's RETURNING rows: columns `name`, `payload`, `actor_id`, `audience`, `subject_id`. */
export type LoggedEntries = (rows: Sql) => Sql;

/**
 * Many (handler, event) keys and the work of those that were new, in one statement: `work` gets
 * the fragment that names the new keys (columns `handler`, `event_id`) and must filter on it.
 * `logged` (optional) selects, from the rows `work` returns, the events the work publishes: they
 * are written to the log in the same statement, already delivered (no handler waits for them).
 * `also` (optional): more data-modifying work of the same keys, each its own part of the statement
 * (PostgreSQL allows data-modifying CTEs only at the top level).
 */
export const processedKeysAndWork = (
  keys: { handler: string; eventId: string }[],
  work: (freshKeys: Sql) => Sql,
  logged?: LoggedEntries,
  also: ((freshKeys: Sql) => Sql)[] = [],
): Sql =>
  sql`with fresh as (insert into processed_events (handler, event_id) select * from unnest(${keys.map((k) => k.handler)}::text[], ${keys.map((k) => k.eventId)}::uuid[]) on conflict do nothing returning handler, event_id),
          work as (${work(sql.ident('fresh'))})${sql.join(
            also.map(
              (part, i) => sql`,
          ${sql.ident(`also_${i}`)} as (${part(sql.ident('fresh'))})`,
            ),
            sql.empty,
          )}${
            logged
              ? sql`,
          logged as (insert into outbox_events (id, name, payload, actor_id, audience, subject_id, status, processed_at)
                     select gen_random_uuid(), l.name, l.payload, l.actor_id, l.audience, l.subject_id, 'done', now() from (${logged(sql.ident('work'))}) l)`
              : sql.empty
          }
     select handler, event_id from fresh`;

/**
 * The backlog for the metrics: pending and failed events, and the age in seconds of the oldest
 * pending one (null when none). Each part reads only its partial index (pending: occurred_at, id;
 * failed: occurred_at), so the cost grows with the backlog, never with the delivered history.
 */
export const backlog = sql`select
    (select count(*) from outbox_events where status = 'pending')::int as pending,
    (select count(*) from outbox_events where status = 'failed')::int as failed,
    (select extract(epoch from now() - min(occurred_at)) from outbox_events where status = 'pending')::float8 as oldest_pending_seconds`;
