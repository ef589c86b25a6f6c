import { Migration } from '@mikro-orm/migrations';

export class Migration20261125010000CustomersTicketsOutbox extends Migration {
  override async up(): Promise<void> {
    // The transactional outbox and the handlers' idempotency keys.
    this.addSql(`create table "outbox_events" (
      "id" uuid not null primary key,
      "name" text not null,
      "payload" jsonb not null,
      "actor_id" uuid null,
      "occurred_at" timestamptz not null default now(),
      "status" text not null default 'pending' check ("status" in ('pending', 'done', 'failed')),
      "attempts" int not null default 0,
      "next_attempt_at" timestamptz not null default now(),
      "last_error" text null,
      "processed_at" timestamptz null);`);
    this.addSql(
      `create index "outbox_events_pending_idx" on "outbox_events" ("next_attempt_at", "occurred_at") where "status" = 'pending';`,
    );
    this.addSql(
      `create index "outbox_events_failed_idx" on "outbox_events" ("occurred_at") where "status" = 'failed';`,
    );
    this.addSql(`create function "notify_outbox"() returns trigger language plpgsql as $$
      begin perform pg_notify('bw_outbox', ''); return null; end $$;`);
    this.addSql(`create trigger "outbox_events_notify" after insert on "outbox_events"
      for each statement execute function "notify_outbox"();`);
    this.addSql(`create table "processed_events" (
      "handler" text not null,
      "event_id" uuid not null,
      "processed_at" timestamptz not null default now(),
      primary key ("handler", "event_id"));`);

    this.addSql(`create table "customers" (
      "id" uuid not null primary key,
      "owner_id" uuid not null references "users" ("id"),
      "name" text not null,
      "email" text not null,
      "phone" text null,
      "company" text null,
      "notes" text null,
      "version" int not null default 1,
      "created_at" timestamptz not null default now(),
      "updated_at" timestamptz not null default now(),
      "deleted_at" timestamptz null);`);
    this.addSql(
      `create index "customers_owner_created_idx" on "customers" ("owner_id", "created_at" desc, "id" desc) where "deleted_at" is null;`,
    );

    this.addSql(`create table "tickets" (
      "id" uuid not null primary key,
      "creator_id" uuid not null references "users" ("id"),
      "assignee_id" uuid not null references "users" ("id"),
      "customer_id" uuid not null references "customers" ("id"),
      "title" text not null,
      "description" text not null default '',
      "type" text not null check ("type" in ('question', 'incident', 'problem', 'task')),
      "priority" text not null check ("priority" in ('low', 'normal', 'high', 'urgent')),
      "topic" text not null check ("topic" in ('general', 'billing', 'technical', 'account', 'office_supplies', 'facilities', 'hr', 'other')),
      "status" text not null default 'open' check ("status" in ('open', 'pending', 'closed')),
      "photo_url" text null,
      "version" int not null default 1,
      "created_at" timestamptz not null default now(),
      "updated_at" timestamptz not null default now(),
      "closed_at" timestamptz null,
      "search" tsvector generated always as (
        setweight(to_tsvector('english', coalesce("title", '')), 'A') || setweight(to_tsvector('english', coalesce("description", '')), 'B')
      ) stored);`);
    this.addSql(
      `create index "tickets_creator_created_idx" on "tickets" ("creator_id", "created_at" desc, "id" desc);`,
    );
    this.addSql(
      `create index "tickets_assignee_created_idx" on "tickets" ("assignee_id", "created_at" desc, "id" desc);`,
    );
    this.addSql(
      `create index "tickets_creator_status_created_idx" on "tickets" ("creator_id", "status", "created_at" desc, "id" desc);`,
    );
    this.addSql(
      `create index "tickets_assignee_status_created_idx" on "tickets" ("assignee_id", "status", "created_at" desc, "id" desc);`,
    );
    this.addSql(
      `create index "tickets_customer_created_idx" on "tickets" ("customer_id", "created_at" desc, "id" desc);`,
    );
    this.addSql(`create index "tickets_search_idx" on "tickets" using gin ("search");`);

    this.addSql(`create table "ticket_comments" (
      "id" uuid not null primary key,
      "ticket_id" uuid not null references "tickets" ("id") on delete cascade,
      "author_id" uuid not null references "users" ("id"),
      "body" text not null,
      "created_at" timestamptz not null default now());`);
    this.addSql(
      `create index "ticket_comments_ticket_created_idx" on "ticket_comments" ("ticket_id", "created_at", "id");`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "ticket_comments";`);
    this.addSql(`drop table if exists "tickets";`);
    this.addSql(`drop table if exists "customers";`);
    this.addSql(`drop table if exists "processed_events";`);
    this.addSql(`drop trigger if exists "outbox_events_notify" on "outbox_events";`);
    this.addSql(`drop table if exists "outbox_events";`);
    this.addSql(`drop function if exists "notify_outbox"();`);
  }
}
