import { Migration } from '@mikro-orm/migrations';

/**
 * Saved views (the tickets module): a user's named ticket queries. A view's filters are the list's
 * filters as JSON (they are read whole and handed to the list's statement builder, never searched
 * in SQL). Names are unique per owner ignoring case, so a side list never shows two "Urgent" views;
 * the index on (owner_id, created_at, id) serves the keyset-paged list and the counts' read of all
 * of a user's views (at most 50, a rule of the application). Deleting the user deletes the views.
 */
export class Migration20261224000000SavedViews extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "saved_views" (
      "id" uuid not null primary key,
      "owner_id" uuid not null references "users" ("id") on delete cascade,
      "name" text not null check (length("name") between 1 and 100),
      "filters" jsonb not null default '{}',
      "sort" text not null default 'newest',
      "version" int not null default 1,
      "created_at" timestamptz not null default now(),
      "updated_at" timestamptz not null default now());`);
    this.addSql(`create unique index "saved_views_owner_name_key" on "saved_views" ("owner_id", lower("name"));`);
    this.addSql(
      `create index "saved_views_owner_created_idx" on "saved_views" ("owner_id", "created_at" desc, "id" desc);`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "saved_views";`);
  }
}
