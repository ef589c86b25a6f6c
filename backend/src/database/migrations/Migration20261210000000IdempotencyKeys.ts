import { Migration } from '@mikro-orm/migrations';

/**
 * The `Idempotency-Key` requests (platform/http/idempotency, ADR 0010): one row per caller and
 * key, claimed as `running` before the operation runs and `done` with the first answer once it
 * has. The answer is `json`, not `jsonb`, so a replay sends the first body byte for byte (jsonb
 * reorders keys). Rows older than 24 hours are purged (`created_at` index).
 */
export class Migration20261210000000IdempotencyKeys extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "idempotency_keys" (
      "user_id" uuid not null,
      "key" text not null,
      "request_hash" text not null,
      "state" text not null default 'running',
      "response_status" int null,
      "response_body" json null,
      "location" text null,
      "created_at" timestamptz not null default now(),
      "completed_at" timestamptz null,
      constraint "idempotency_keys_pkey" primary key ("user_id", "key"),
      constraint "idempotency_keys_state_check" check ("state" in ('running', 'done'))
    );`);
    this.addSql(`create index "idempotency_keys_created_at_idx" on "idempotency_keys" ("created_at");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "idempotency_keys";`);
  }
}
