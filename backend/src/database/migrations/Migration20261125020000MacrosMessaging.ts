import { Migration } from '@mikro-orm/migrations';

export class Migration20261125020000MacrosMessaging extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "macros" (
      "id" uuid not null primary key,
      "owner_id" uuid not null references "users" ("id"),
      "name" text not null,
      "description" text not null default '',
      "available_for" text not null check ("available_for" in ('personal', 'everyone')),
      "actions" jsonb not null,
      "version" int not null default 1,
      "created_at" timestamptz not null default now(),
      "updated_at" timestamptz not null default now());`);
    this.addSql(`create index "macros_owner_created_idx" on "macros" ("owner_id", "created_at" desc, "id" desc);`);
    this.addSql(
      `create index "macros_everyone_created_idx" on "macros" ("created_at" desc, "id" desc) where "available_for" = 'everyone';`,
    );

    this.addSql(`create table "triggers" (
      "id" uuid not null primary key,
      "owner_id" uuid not null references "users" ("id"),
      "name" text not null,
      "event" text not null,
      "conditions" jsonb not null default '{}',
      "recipient" jsonb not null,
      "message" text not null,
      "active" boolean not null default true,
      "version" int not null default 1,
      "created_at" timestamptz not null default now(),
      "updated_at" timestamptz not null default now());`);
    this.addSql(`create index "triggers_owner_created_idx" on "triggers" ("owner_id", "created_at" desc, "id" desc);`);
    this.addSql(`create index "triggers_active_owner_event_idx" on "triggers" ("owner_id", "event") where "active";`);

    this.addSql(`create table "messages" (
      "id" uuid not null primary key,
      "sender_id" uuid not null references "users" ("id"),
      "receiver_id" uuid not null references "users" ("id"),
      "body" text not null,
      "trigger_id" uuid not null,
      "event" text not null,
      "event_id" uuid not null,
      "ticket_id" uuid null,
      "customer_id" uuid null,
      "created_at" timestamptz not null default now(),
      "read_at" timestamptz null,
      constraint "messages_trigger_event_key" unique ("trigger_id", "event_id"));`);
    this.addSql(
      `create index "messages_receiver_created_idx" on "messages" ("receiver_id", "created_at" desc, "id" desc);`,
    );
    this.addSql(
      `create index "messages_sender_created_idx" on "messages" ("sender_id", "created_at" desc, "id" desc);`,
    );
    this.addSql(`create index "messages_receiver_unread_idx" on "messages" ("receiver_id") where "read_at" is null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "messages";`);
    this.addSql(`drop table if exists "triggers";`);
    this.addSql(`drop table if exists "macros";`);
  }
}
