import { Migration } from '@mikro-orm/migrations';

/**
 * The outbox becomes the one durable log that triggers, ticket history and live streams read
 * (ADR 0012). Each event gets its writing transaction's id (`tx`, xid8) and a sequence number
 * (`seq`); readers go in (tx, seq) order and only below the oldest running transaction, so a
 * late commit can never be skipped. `audience` names the users whose streams carry the event,
 * `subject_id` the record it is about (a ticket's history is its events).
 */
export class Migration20261215000000EventLog extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "outbox_events"
      add column "seq" bigint generated always as identity,
      add column "tx" xid8 not null default pg_current_xact_id(),
      add column "audience" uuid[] not null default '{}',
      add column "subject_id" uuid null;`);
    this.addSql(`create index "outbox_events_log_idx" on "outbox_events" ("tx", "seq");`);
    this.addSql(
      `create index "outbox_events_subject_idx" on "outbox_events" ("subject_id", "tx", "seq") where "subject_id" is not null;`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop index if exists "outbox_events_subject_idx";`);
    this.addSql(`drop index if exists "outbox_events_log_idx";`);
    this.addSql(
      `alter table "outbox_events" drop column "seq", drop column "tx", drop column "audience", drop column "subject_id";`,
    );
  }
}
