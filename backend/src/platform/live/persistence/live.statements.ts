import { Sql, sql } from '../../database/sql';
import type { LogPosition } from '../log-position';

/** The event log as the live streams and histories read it (ADR 0012): the outbox's rows in (tx, seq) order. */

/** Only what no running transaction can still add to: below the oldest transaction id in flight. */
const settled = sql`tx < pg_snapshot_xmin(pg_current_snapshot())`;
const after = (p: LogPosition) => sql`(tx, seq) > (${p.tx.toString()}::xid8, ${p.seq.toString()}::bigint)`;
const entryColumnsWith = (payload: Sql) =>
  sql`tx::text, seq::text, name, ${payload}, actor_id, occurred_at, audience, subject_id`;
const entryColumns = entryColumnsWith(sql`payload`);
/**
 * Log order. Qualified: a bare `order by tx, seq` would name the text columns above and sort
 * "1003" before "993".
 */
const logOrder = sql`order by outbox_events.tx, outbox_events.seq`;

/** Where the log ends for a reader starting now: nothing below it will be added. */
export const logHorizon = (): Sql => sql`select pg_snapshot_xmin(pg_current_snapshot())::text as tx`;

/**
 * The next settled entries after a position, in log order. With `readers` (the users with a
 * stream open here), an entry none of them is in the audience of comes without its payload
 * (`wanted` false, `payload` null): the tail only moves past it, and the payload is neither read
 * nor sent. Without, every entry is wanted.
 */
export const settledAfter = (p: LogPosition, limit: number, readers?: readonly string[]): Sql => {
  const wanted = readers ? sql`audience && ${readers}::uuid[]` : null;
  const columns = wanted
    ? sql`${entryColumnsWith(sql`case when ${wanted} then payload end as payload`)}, ${wanted} as wanted`
    : sql`${entryColumns}, true as wanted`;
  return sql`select ${columns} from outbox_events where ${after(p)} and ${settled} ${logOrder} limit ${limit}`;
};

/**
 * The last settled entry after a position (none: nothing settled since): where a tail with no
 * stream to feed moves to without reading the entries before it. Log order backwards from the
 * horizon, so it is one step into the log index.
 */
export const lastSettledAfter = (p: LogPosition): Sql =>
  sql`select tx::text, seq::text from outbox_events where ${after(p)} and ${settled} order by outbox_events.tx desc, outbox_events.seq desc limit 1`;

/**
 * Committed entries after a position that wait for an older transaction to end (the tail must look
 * again soon). In log order with a limit, so it is the log index's range from the position: as a
 * bare `exists`, the planner (which has no estimate for the row comparison) chose a scan of the
 * whole log, 100 ms at 220,000 entries, after every wake of every instance.
 */
export const heldBackAfter = (p: LogPosition): Sql =>
  sql`select (select true from outbox_events where ${after(p)} and not ${settled} ${logOrder} limit 1) is not null as held`;

/** One reader's entries in (from, upTo], in log order: a resumed stream's replay. */
export const entriesFor = (userId: string, from: LogPosition, upTo: LogPosition, limit: number): Sql =>
  sql`select ${entryColumns} from outbox_events
       where ${after(from)} and (tx, seq) <= (${upTo.tx.toString()}::xid8, ${upTo.seq.toString()}::bigint)
         and audience @> array[${userId}::uuid] ${logOrder} limit ${limit}`;

/** When the entry at a position was written (none: no such entry, or pruned). */
export const entryTime = (p: LogPosition): Sql =>
  sql`select occurred_at from outbox_events where tx = ${p.tx.toString()}::xid8 and seq = ${p.seq.toString()}::bigint`;

/**
 * A record's entries after a position, oldest first (a ticket's history). Not only settled ones: a
 * change is in its record's history as soon as it commits (the changes of one record are ordered
 * by its row lock, so a page boundary does not pass over a later commit of the same record).
 */
export const subjectEntries = (subjectId: string, from: LogPosition | null, limit: number): Sql =>
  sql`select ${entryColumns} from outbox_events where subject_id = ${subjectId}${from ? sql` and ${after(from)}` : sql.empty} ${logOrder} limit ${limit}`;
