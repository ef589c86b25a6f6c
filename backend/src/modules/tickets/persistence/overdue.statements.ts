import { Sql, sql } from '../../../platform/database/sql';
import { TICKETS } from './tickets.table';

/**
 * The overdue scheduler's statements (ADR 0018). `overdue_for` holds the `due_at`
 * values `ticket.overdue` was published for; a ticket waits for its event while it has a due time,
 * is not closed and was not published for that value. The predicate is the one of the partial index
 * `tickets_overdue_pending_idx`, written out so the planner uses it.
 */
const WAITING = sql`due_at is not null and status <> 'closed' and not (due_at = any(overdue_for))`;

/**
 * The tickets whose due time has passed on the database's clock and that still wait for their
 * event, soonest due first, locked until the claiming transaction ends; rows another instance
 * holds are skipped (it publishes them).
 */
export const claimOverdue = (limit: number): Sql =>
  sql`select ${TICKETS.columns()} from tickets where ${WAITING} and due_at <= now() order by due_at limit ${limit} for update of tickets skip locked`;

/** Records that the claimed tickets were published for their current due time (in the claiming transaction, beside the events). */
export const markOverdue = (ids: string[]): Sql =>
  sql`update tickets set overdue_for = array_append(overdue_for, due_at) where id = any(${ids}::uuid[])`;
