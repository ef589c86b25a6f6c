import { afterPosition, keysetOrder } from '../../../platform/database/keyset';
import { containsIgnoringCase } from '../../../platform/database/like';
import { defineTable, Sql, sql } from '../../../platform/database/sql';
import type { KeysetPosition } from '../../../platform/pagination/cursor';

/** Every statement of the macros module that is not the unit of work's. */

export const MACROS = defineTable('macros', {
  id: 'uuid',
  owner_id: 'uuid',
  name: 'text',
  description: 'text',
  available_for: 'text',
  actions: 'jsonb',
  version: 'int',
  created_at: 'timestamptz',
  updated_at: 'timestamptz',
});

/**
 * The user's macros and every `everyone` macro, newest first; `q` matches name or description.
 * Two index-ordered branches (mine, shared), merged: bounded work whatever the table size.
 */
export function visibleMacrosPage(userId: string, q: string, after: KeysetPosition | null, take: number): Sql {
  const like = q ? containsIgnoringCase(q) : '';
  const filter = sql`${q ? sql` and (lower(name) like ${like} or lower(description) like ${like})` : sql.empty}${afterPosition(after)}`;
  const columns = MACROS.columns();
  return sql`select * from (
         (select ${columns} from macros where owner_id = ${userId}${filter} ${keysetOrder()} limit ${take})
         union
         (select ${columns} from macros where available_for = 'everyone'${filter} ${keysetOrder()} limit ${take})
       ) m ${keysetOrder()} limit ${take}`;
}
