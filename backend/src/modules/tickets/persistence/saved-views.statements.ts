import { afterPosition, keysetOrder } from '../../../platform/database/keyset';
import { defineTable, Sql, sql } from '../../../platform/database/sql';
import type { KeysetPosition } from '../../../platform/pagination/cursor';
import type { SavedViewFilters } from '../domain/saved-view.entity';
import type { TicketSearchTerms } from '../domain/ticket-search';
import { boxBranches, searchMatch } from './ticket.statements';

/** The statements of saved views that are not the unit of work's (rendered in docs/sql/statements.sql). */

export const SAVED_VIEWS = defineTable('saved_views', {
  id: 'uuid',
  owner_id: 'uuid',
  name: 'text',
  filters: 'jsonb',
  sort: 'text',
  version: 'int',
  created_at: 'timestamptz',
  updated_at: 'timestamptz',
});

/** The unique index that keeps a user's view names distinct (case-insensitively). */
export const SAVED_VIEW_NAME_CONSTRAINT = 'saved_views_owner_name_key';

/** A page of the user's views, newest first (the index on (owner_id, created_at, id)). */
export const savedViewsPage = (ownerId: string, after: KeysetPosition | null, take: number): Sql =>
  sql`select ${SAVED_VIEWS.columns()} from saved_views where owner_id = ${ownerId}${afterPosition(after)} ${keysetOrder()} limit ${take}`;

/** Serialises the creation of one user's views until the transaction ends (to hold the per-user limit). */
export const lockViewsOf = (ownerId: string): Sql =>
  sql`select pg_advisory_xact_lock(hashtextextended(${`saved_views:${ownerId}`}::text, 0))`;

export const countViewsOf = (ownerId: string): Sql =>
  sql`select count(*)::int as count from saved_views where owner_id = ${ownerId}`;

/** A view as the count statement takes it: its id, its filters and its search, already parsed. */
export interface CountedView {
  id: string;
  filters: SavedViewFilters;
  search: TicketSearchTerms | null;
}

/**
 * How many tickets each view lists, at most `take` per view: one statement, one `union all` part
 * per view. Each part counts the rows of the view's box branches under the list's own predicates
 * (`boxBranches`, `searchMatch`), each branch stopping after `take` rows of its index, so a view
 * costs at most `take` index entries per branch whatever the box size.
 */
export function savedViewCounts(userId: string, views: CountedView[], take: number): Sql {
  const parts = views.map((view) => {
    const search = view.search ? sql` and ${searchMatch(view.search)}` : sql.empty;
    const branches = boxBranches(userId, view.filters.box ?? 'all', view.filters, 'newest', null).map(
      (where) => sql`(select 1 from tickets t where ${where}${search} limit ${take})`,
    );
    const rows =
      branches.length === 1
        ? branches[0]
        : sql`(select 1 from (${sql.join(branches, sql` union all `)}) u limit ${take})`;
    return sql`select ${view.id}::uuid as id, count(*)::int as count from ${rows} c`;
  });
  return sql.join(parts, sql` union all `);
}

export const selectOwnedView = (ownerId: string, id: string): Sql =>
  sql`select ${SAVED_VIEWS.columns()} from saved_views where id = ${id} and owner_id = ${ownerId}`;
