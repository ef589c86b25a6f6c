import type { KeysetPosition } from '../pagination/cursor';
import { Sql, sql } from './sql';

/** Which way a list runs over its keys `(created_at, id)`: newest first (`desc`) or oldest first (`asc`). */
export type KeysetOrder = 'desc' | 'asc';

/**
 * The keyset predicate of ADR 0006, written once: ` and (created_at, id) < (…)` for the rows after
 * the cursor's position (`>` oldest first), or nothing on the first page.
 */
export function afterPosition(after: KeysetPosition | null, order: KeysetOrder = 'desc'): Sql {
  if (!after) return sql.empty;
  return order === 'desc'
    ? sql` and (created_at, id) < (${after.createdAt}, ${after.id})`
    : sql` and (created_at, id) > (${after.createdAt}, ${after.id})`;
}

/** The list order that matches the indexes: `order by created_at desc, id desc` (or ascending). */
export function keysetOrder(order: KeysetOrder = 'desc'): Sql {
  return order === 'desc' ? sql`order by created_at desc, id desc` : sql`order by created_at, id`;
}
