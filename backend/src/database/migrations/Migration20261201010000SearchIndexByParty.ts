import { Migration } from '@mikro-orm/migrations';

/**
 * Every search is within a box: `creator_id = ? and search @@ q` or `assignee_id = ? and …`. With
 * a GIN index on `search` alone, a query whose matches are not among the box's newest rows (see
 * TicketsService.searchBranch) intersected the words' whole posting lists across every ticket
 * with the box index, reading far more index rows than it kept. A multi-column GIN index
 * (btree_gin for the uuid columns) carries the parties with the words, so the same query reads
 * only the box's matches. One index serves both boxes (a GIN index answers on any subset of its
 * columns).
 *
 * Without a pending list (`fastupdate = off`): with the default, new and updated tickets (a close is
 * an update that moves the row, so it re-inserts its words too) go to an unsorted list that every
 * search reads in full until vacuum merges it, so searches slowed after every burst of writes.
 * Without it each write merges its own words: inserts get slower, but the database still takes
 * far more of them than the API sends.
 * The figures are in docs/performance.md ("What each change bought", 13 and 14).
 */
export class Migration20261201010000SearchIndexByParty extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create extension if not exists btree_gin;`);
    this.addSql(
      `create index "tickets_parties_search_idx" on "tickets" using gin ("creator_id", "assignee_id", "search") with (fastupdate = off);`,
    );
    this.addSql(`drop index if exists "tickets_search_idx";`);
  }

  override async down(): Promise<void> {
    this.addSql(`create index "tickets_search_idx" on "tickets" using gin ("search") with (fastupdate = off);`);
    this.addSql(`drop index if exists "tickets_parties_search_idx";`);
  }
}
