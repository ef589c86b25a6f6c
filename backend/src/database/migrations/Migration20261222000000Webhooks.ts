import { Migration } from '@mikro-orm/migrations';

/**
 * Webhooks and their deliveries ([webhooks](../../../../docs/modules/webhooks.md), ADR 0013).
 *
 * `webhooks.secret` is kept to sign every delivery (an HMAC needs the key itself, so it cannot
 * be hashed like an API token); the API shows it once, on creation. `webhook_deliveries` is the
 * work queue and the delivery log at once: `(trigger_id, event_id)` is unique, so a handler that
 * runs again for the same event writes nothing; the partial index on `next_attempt_at` serves the
 * workers' claims (`FOR UPDATE SKIP LOCKED`, pending rows only), and `(webhook_id, created_at
 * desc, id desc)` the log's keyset pages. `lease_token` marks the attempt in flight: a claim sets
 * it and moves `next_attempt_at` past the attempt's time limit, so no other worker takes the
 * delivery meanwhile, and a worker that died lets it fall due again.
 */
export class Migration20261222000000Webhooks extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "webhooks" (
      "id" uuid not null primary key,
      "owner_id" uuid not null references "users" ("id") on delete cascade,
      "name" text not null,
      "url" text not null,
      "secret" text not null,
      "active" boolean not null default true,
      "version" int not null default 1,
      "created_at" timestamptz not null,
      "updated_at" timestamptz not null
    );`);
    this.addSql(`create index "webhooks_owner_created_idx" on "webhooks" ("owner_id", "created_at" desc, "id" desc);`);
    this.addSql(`create table "webhook_deliveries" (
      "id" uuid not null primary key,
      "webhook_id" uuid not null references "webhooks" ("id") on delete cascade,
      "trigger_id" uuid null,
      "event" text not null,
      "event_id" uuid null,
      "body" text not null,
      "status" text not null default 'pending' check ("status" in ('pending', 'succeeded', 'failed')),
      "attempts" int not null default 0,
      "last_response_status" int null,
      "last_error" text null,
      "next_attempt_at" timestamptz null,
      "retry_until" timestamptz not null,
      "lease_token" uuid null,
      "created_at" timestamptz not null default now(),
      "updated_at" timestamptz not null default now()
    );`);
    this.addSql(
      `create unique index "webhook_deliveries_trigger_event_key" on "webhook_deliveries" ("trigger_id", "event_id");`,
    );
    this.addSql(
      `create index "webhook_deliveries_webhook_created_idx" on "webhook_deliveries" ("webhook_id", "created_at" desc, "id" desc);`,
    );
    this.addSql(
      `create index "webhook_deliveries_due_idx" on "webhook_deliveries" ("next_attempt_at") where "status" = 'pending';`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "webhook_deliveries";`);
    this.addSql(`drop table if exists "webhooks";`);
  }
}
