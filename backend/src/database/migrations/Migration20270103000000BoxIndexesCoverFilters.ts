import { Migration } from '@mikro-orm/migrations';

/** What a box's filters read besides the box's own column (persistence/ticket.statements.ts, filterSql). */
const FILTERED = `"status", "priority", "type", "topic", "customer_id", "due_at"`;

/**
 * The two box indexes in creation order carry the columns the list's filters read (INCLUDE), so a
 * saved view's count (`GET /api/views/counts`, up to 1,001 rows a branch) is an index-only scan: a
 * filter on status, priority, type, topic, customer or due time, and the `all` box's
 * `creator_id <> caller`, are checked on the index entry instead of a visit to the ticket's row,
 * the count's whole cost before. The lists read the same indexes for their order as before.
 * Updates of these columns were never HOT (status and priority are keys of other indexes), so
 * writes pay only the wider entries. Figures in docs/performance.md ("Issues 13–16 at the large
 * scale (2026-12-04)").
 */
export class Migration20270103000000BoxIndexesCoverFilters extends Migration {
  override async up(): Promise<void> {
    for (const [party, other] of [
      ['creator', 'assignee'],
      ['assignee', 'creator'],
    ]) {
      this.addSql(`drop index if exists "tickets_${party}_created_idx";`);
      this.addSql(
        `create index "tickets_${party}_created_idx" on "tickets" ("${party}_id", "created_at" desc, "id" desc) include ("${other}_id", ${FILTERED});`,
      );
    }
  }

  override async down(): Promise<void> {
    for (const party of ['creator', 'assignee']) {
      this.addSql(`drop index if exists "tickets_${party}_created_idx";`);
      this.addSql(
        `create index "tickets_${party}_created_idx" on "tickets" ("${party}_id", "created_at" desc, "id" desc);`,
      );
    }
  }
}
