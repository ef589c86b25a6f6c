import { Migration } from '@mikro-orm/migrations';

export class Migration20261125000000Identity extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "users" (
      "id" uuid not null primary key,
      "email" text not null,
      "username" text not null,
      "password_hash" text not null,
      "created_at" timestamptz not null default now(),
      constraint "users_email_key" unique ("email"));`);
    this.addSql(`create unique index "users_username_lower_key" on "users" (lower("username"));`);
    this.addSql(`create index "users_created_at_id_idx" on "users" ("created_at", "id");`);

    this.addSql(`create table "api_tokens" (
      "id" uuid not null primary key,
      "user_id" uuid not null references "users" ("id") on delete cascade,
      "name" text not null,
      "token_hash" text not null,
      "created_at" timestamptz not null default now(),
      "last_used_at" timestamptz null,
      constraint "api_tokens_token_hash_key" unique ("token_hash"));`);
    this.addSql(`create index "api_tokens_user_id_created_at_idx" on "api_tokens" ("user_id", "created_at");`);

    // express-session store (connect-pg-simple's schema).
    this.addSql(`create table "session" (
      "sid" varchar not null primary key,
      "sess" json not null,
      "expire" timestamp(6) not null);`);
    this.addSql(`create index "session_expire_idx" on "session" ("expire");`);

    this.addSql(`create table "login_throttle" (
      "key" text not null primary key,
      "failures" int not null,
      "window_started_at" timestamptz not null);`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "login_throttle";`);
    this.addSql(`drop table if exists "session";`);
    this.addSql(`drop table if exists "api_tokens";`);
    this.addSql(`drop table if exists "users";`);
  }
}
