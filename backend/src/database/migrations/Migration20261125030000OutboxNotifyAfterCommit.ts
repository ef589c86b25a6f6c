import { Migration } from '@mikro-orm/migrations';

/**
 * The outbox trigger NOTIFYed inside every writing transaction, which serializes those commits on
 * PostgreSQL's notify-queue lock. The app now signals after the commit instead (OutboxCommitListener).
 */
export class Migration20261125030000OutboxNotifyAfterCommit extends Migration {
  override async up(): Promise<void> {
    this.addSql(`drop trigger if exists "outbox_events_notify" on "outbox_events";`);
    this.addSql(`drop function if exists "notify_outbox"();`);
  }

  override async down(): Promise<void> {
    this.addSql(`create function "notify_outbox"() returns trigger language plpgsql as $$
      begin perform pg_notify('bw_outbox', ''); return null; end $$;`);
    this.addSql(`create trigger "outbox_events_notify" after insert on "outbox_events"
      for each statement execute function "notify_outbox"();`);
  }
}
