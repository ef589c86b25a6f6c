import { Migration } from '@mikro-orm/migrations';

/**
 * The dispatcher claims the oldest due events: `where status = 'pending' and next_attempt_at <= now()
 * order by occurred_at, id limit n`. Indexed on (next_attempt_at, occurred_at), PostgreSQL had to
 * read and sort every due row of a backlog for each claim; on (occurred_at, id) it walks the index in
 * claim order and stops after n rows (events waiting for a retry are few and filtered on the way).
 */
export class Migration20261126000000OutboxClaimOrder extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create index "outbox_events_pending_order_idx" on "outbox_events" ("occurred_at", "id") where "status" = 'pending';`,
    );
    this.addSql(`drop index if exists "outbox_events_pending_idx";`);
  }

  override async down(): Promise<void> {
    this.addSql(
      `create index "outbox_events_pending_idx" on "outbox_events" ("next_attempt_at", "occurred_at") where "status" = 'pending';`,
    );
    this.addSql(`drop index if exists "outbox_events_pending_order_idx";`);
  }
}
