import { Sql, sql } from '../../../platform/database/sql';

/**
 * The overdue scheduler's statements (ADR 0018). `ticket_overdue` (kept by triggers on `tickets`)
 * holds each ticket's due time, whether it is not closed, and the `due_at` values `ticket.overdue`
 * was published for; a ticket waits for its event while it has a due time, is not closed and was
 * not published for that value. The predicate is the one of the partial index
 * `ticket_overdue_waiting_idx`, written out so the planner uses it.
 */
const WAITING = sql`o.due_at is not null and o.open and not (o.due_at = any(o.published))`;

/**
 * The tickets whose due time has passed on the database's clock and that still wait for their
 * event, soonest due first (their ids and the people and customer their snapshots name); their
 * `ticket_overdue` rows stay locked until the claiming transaction ends, and rows another instance
 * holds are skipped (it publishes them). A close, re-date or delete
 * of a claimed ticket waits for that commit, since its trigger (or foreign key) updates the same row.
 */
export const claimOverdue = (limit: number): Sql =>
  sql`select t.id, t.creator_id, t.assignee_id, t.customer_id from ticket_overdue o join tickets t on t.id = o.ticket_id where ${WAITING} and o.due_at <= now() order by o.due_at limit ${limit} for update of o skip locked`;

/** Records that the claimed tickets were published for their current due time (in the claiming transaction, beside the events). */
export const markOverdue = (ids: string[]): Sql =>
  sql`update ticket_overdue set published = array_append(published, due_at) where ticket_id = any(${ids}::uuid[])`;
