import { Migration } from '@mikro-orm/migrations';

/** The scheduler's predicate on `ticket_overdue`: a due time, not closed, not yet published for it. */
const WAITING = `"due_at" is not null and "open" and not ("due_at" = any("published"))`;

/**
 * The overdue scheduler's state in a narrow table of its own (ADR 0018, amendment "the waiting
 * state in its own table"). `ticket_overdue` holds, for every ticket that has or had a due time,
 * the due time, whether the ticket is not closed and the `due_at` values `ticket.overdue` was
 * published for. Marking a claimed ticket updates this row (two indexes) instead of the ticket's
 * (seventeen, the search GIN index among them), so a drain of many tickets writes a fraction of
 * what it did and never touches the rows that requests read.
 *
 * Row triggers on `tickets` keep it: an insert with a due time, and an update that changes the due
 * time or moves the ticket into or out of `closed`, upsert the ticket's row (the `when` clauses are
 * evaluated without calling the function, so every other write costs nothing); deleting a ticket
 * deletes its row (the foreign key). The backfill moves `tickets.overdue_for` over, then the column
 * and its partial index go. The scale seeder, which loads and resets with triggers off, runs
 * `ticket_overdue_rebuild()` (every row brought up to date with its ticket, a due time cleared
 * included, rows for new tickets with a due time, none for deleted tickets; what was published is kept).
 */
export class Migration20261231000000OverdueState extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "ticket_overdue" (
      "ticket_id" uuid primary key references "tickets" ("id") on delete cascade,
      "due_at" timestamptz null,
      "open" boolean not null,
      "published" timestamptz[] not null default '{}');`);
    this.addSql(`create index "ticket_overdue_waiting_idx" on "ticket_overdue" ("due_at") where ${WAITING};`);
    this.addSql(`create function ticket_overdue_sync() returns trigger language plpgsql as $$
      begin
        insert into ticket_overdue as o (ticket_id, due_at, open) values (new.id, new.due_at, new.status <> 'closed')
        on conflict (ticket_id) do update set due_at = excluded.due_at, open = excluded.open
         where o.due_at is distinct from excluded.due_at or o.open <> excluded.open;
        return null;
      end $$;`);
    this.addSql(`create function ticket_overdue_rebuild() returns void language sql as $$
      delete from ticket_overdue o where not exists (select 1 from tickets t where t.id = o.ticket_id);
      insert into ticket_overdue (ticket_id, due_at, open)
      select t.id, t.due_at, t.status <> 'closed' from tickets t
       where t.due_at is not null or exists (select 1 from ticket_overdue o where o.ticket_id = t.id)
      on conflict (ticket_id) do update set due_at = excluded.due_at, open = excluded.open;
      $$;`);
    this.addSql(`insert into ticket_overdue (ticket_id, due_at, open, published)
      select id, due_at, status <> 'closed', overdue_for from tickets
       where due_at is not null or cardinality(overdue_for) > 0;`);
    this.addSql(`create trigger "tickets_overdue_insert" after insert on "tickets" for each row
      when (new.due_at is not null) execute function ticket_overdue_sync();`);
    this.addSql(`create trigger "tickets_overdue_update" after update of "due_at", "status" on "tickets" for each row
      when ((old.due_at is distinct from new.due_at or (old.status = 'closed') <> (new.status = 'closed'))
            and (old.due_at is not null or new.due_at is not null))
      execute function ticket_overdue_sync();`);
    this.addSql(`drop index if exists "tickets_overdue_pending_idx";`);
    this.addSql(`alter table "tickets" drop column "overdue_for";`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "tickets" add column "overdue_for" timestamptz[] not null default '{}';`);
    this.addSql(`update tickets t set overdue_for = o.published from ticket_overdue o where o.ticket_id = t.id;`);
    this.addSql(
      `create index "tickets_overdue_pending_idx" on "tickets" ("due_at") where "due_at" is not null and "status" <> 'closed' and not ("due_at" = any("overdue_for"));`,
    );
    this.addSql(`drop trigger if exists "tickets_overdue_insert" on "tickets";`);
    this.addSql(`drop trigger if exists "tickets_overdue_update" on "tickets";`);
    this.addSql(`drop function if exists ticket_overdue_sync();`);
    this.addSql(`drop function if exists ticket_overdue_rebuild();`);
    this.addSql(`drop table if exists "ticket_overdue";`);
  }
}
