import { afterPosition, keysetOrder } from '../../../platform/database/keyset';
import { containsIgnoringCase } from '../../../platform/database/like';
import { defineTable, Sql, sql } from '../../../platform/database/sql';
import type { KeysetPosition } from '../../../platform/pagination/cursor';

/** Every statement of the customers module that is not the unit of work's. */

export const CUSTOMERS = defineTable('customers', {
  id: 'uuid',
  owner_id: 'uuid',
  name: 'text',
  email: 'text',
  phone: 'text',
  company: 'text',
  notes: 'text',
  version: 'int',
  created_at: 'timestamptz',
  updated_at: 'timestamptz',
  deleted_at: 'timestamptz',
});

/** What a list page shows. */
export const LISTED = CUSTOMERS.pick(
  'id',
  'name',
  'email',
  'phone',
  'company',
  'notes',
  'version',
  'created_at',
  'updated_at',
);

/** The owner's live customers, newest first; `q` matches name or email, ignoring case. */
export function ownersCustomersPage(ownerId: string, q: string, after: KeysetPosition | null, take: number): Sql {
  const like = q ? containsIgnoringCase(q) : '';
  return sql`select ${LISTED.columns()} from customers
        where owner_id = ${ownerId} and deleted_at is null${q ? sql` and (lower(name) like ${like} or lower(email) like ${like})` : sql.empty}${afterPosition(after)} ${keysetOrder()} limit ${take}`;
}

export const isLiveCustomerOf = (ownerId: string, id: string): Sql =>
  sql`select 1 from customers where id = ${id} and owner_id = ${ownerId} and deleted_at is null`;

/** Customers by id, deleted ones included (marked). */
export const customerSummaries = (ids: string[]): Sql =>
  sql`select id, owner_id, name, email, deleted_at is not null as deleted from customers where id = any(${ids}::uuid[])`;
