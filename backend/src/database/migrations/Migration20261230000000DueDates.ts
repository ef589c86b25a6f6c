import { Migration } from '@mikro-orm/migrations';

/** `sort=due`'s key: the due time, tickets without one last (an immutable expression, so it can be indexed). */
const DUE_KEY = `coalesce("due_at", 'infinity'::timestamptz)`;

/**
 * Due dates (contract: "Due dates and overdue tickets"). `due_at` is the ticket's due time;
 * `overdue_for` holds the `due_at` values `ticket.overdue` was published for (ADR 0018), so a
 * re-dated ticket can go overdue again and each value is published at most once (the array grows
 * only when a due time that passed is re-dated). `due_policies` holds each
 * user's minutes per priority (a missing row: no policy).
 *
 * Indexes: the overdue scheduler claims from a partial index of the tickets still waiting for
 * their overdue event, in due order, so a tick reads only the rows that are due (never the
 * tickets that are closed, have no due date or were already published). `sort=due` walks one
 * index per box like the other sorts (due key, then creation order newest first); `overdue=true`
 * reads a partial index of each box's tickets that are not closed and have a due date.
 */
export class Migration20261230000000DueDates extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `alter table "tickets" add column "due_at" timestamptz null, add column "overdue_for" timestamptz[] not null default '{}';`,
    );
    this.addSql(`create table "due_policies" (
      "user_id" uuid primary key references "users" ("id") on delete cascade,
      "urgent" integer null check ("urgent" > 0),
      "high" integer null check ("high" > 0),
      "normal" integer null check ("normal" > 0),
      "low" integer null check ("low" > 0),
      "updated_at" timestamptz not null default now());`);
    this.addSql(
      `create index "tickets_overdue_pending_idx" on "tickets" ("due_at") where "due_at" is not null and "status" <> 'closed' and not ("due_at" = any("overdue_for"));`,
    );
    for (const party of ['creator', 'assignee']) {
      this.addSql(
        `create index "tickets_${party}_due_idx" on "tickets" ("${party}_id", (${DUE_KEY}), "created_at" desc, "id" desc);`,
      );
      this.addSql(
        `create index "tickets_${party}_not_closed_due_idx" on "tickets" ("${party}_id", "created_at" desc, "id" desc) where "due_at" is not null and "status" <> 'closed';`,
      );
    }
  }

  override async down(): Promise<void> {
    for (const party of ['creator', 'assignee']) {
      this.addSql(`drop index if exists "tickets_${party}_due_idx";`);
      this.addSql(`drop index if exists "tickets_${party}_not_closed_due_idx";`);
    }
    this.addSql(`drop index if exists "tickets_overdue_pending_idx";`);
    this.addSql(`drop table if exists "due_policies";`);
    this.addSql(`alter table "tickets" drop column "due_at", drop column "overdue_for";`);
  }
}
