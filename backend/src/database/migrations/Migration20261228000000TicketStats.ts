import { Migration } from '@mikro-orm/migrations';

/**
 * The dashboard's rollups (docs/modules/stats.md, ADR 0015), kept by statement-level triggers on
 * `tickets` so that every path that writes a ticket (one, bulk, macros, group-commit creation, the
 * seeders, plain SQL) moves the figures in its own transaction. Each ticket counts for its creator
 * and, when it is someone else, for its assignee:
 *
 * - `ticket_stats_quarters`: tickets opened (by `created_at`) and closed (by `closed_at`, closed
 *   tickets only) per user and UTC quarter hour; every time zone's offset today is a whole number of
 *   quarter hours, so the quarters of one local date are exactly that date;
 * - `ticket_stats_open`: tickets not closed per user and priority;
 * - `ticket_stats_closes`: one row per user and closed ticket with its time to close, for the median.
 *
 * A trigger adds the contribution of the new rows and subtracts that of the old ones; an update
 * that changes none of the columns involved does nothing. `ticket_stats_rebuild()` recomputes
 * everything from `tickets` (the backfill here, and the scale seeder, which loads with triggers off).
 */
export class Migration20261228000000TicketStats extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "ticket_stats_quarters" (
      "user_id" uuid not null,
      "bucket" timestamptz not null,
      "opened" int not null default 0,
      "closed" int not null default 0,
      primary key ("user_id", "bucket")) with (fillfactor = 90);`);
    this.addSql(`create table "ticket_stats_open" (
      "user_id" uuid not null,
      "priority" text not null,
      "open" int not null default 0,
      primary key ("user_id", "priority")) with (fillfactor = 50);`);
    this.addSql(`create table "ticket_stats_closes" (
      "user_id" uuid not null,
      "ticket_id" uuid not null,
      "closed_at" timestamptz not null,
      "seconds" double precision not null,
      primary key ("user_id", "ticket_id"));`);
    this.addSql(
      `create index "ticket_stats_closes_user_closed_idx" on "ticket_stats_closes" ("user_id", "closed_at") include ("seconds");`,
    );
    this.addSql(APPLY_FUNCTION);
    this.addSql(REBUILD_FUNCTION);
    this.addSql(`create trigger "tickets_stats_insert" after insert on "tickets"
      referencing new table as new_rows for each statement execute function ticket_stats_on_change();`);
    this.addSql(`create trigger "tickets_stats_update" after update on "tickets"
      referencing old table as old_rows new table as new_rows for each statement execute function ticket_stats_on_change();`);
    this.addSql(`create trigger "tickets_stats_delete" after delete on "tickets"
      referencing old table as old_rows for each statement execute function ticket_stats_on_change();`);
    this.addSql(`select ticket_stats_rebuild();`);
  }

  override async down(): Promise<void> {
    for (const t of ['insert', 'update', 'delete'])
      this.addSql(`drop trigger if exists "tickets_stats_${t}" on "tickets";`);
    this.addSql(`drop function if exists ticket_stats_on_change();`);
    this.addSql(`drop function if exists ticket_stats_rebuild();`);
    for (const t of ['quarters', 'open', 'closes']) this.addSql(`drop table if exists "ticket_stats_${t}";`);
  }
}

/** The rows of a change with their sign, once per party: the creator, and the assignee when someone else. */
const PARTIES = `parties as (
    select c.sign, c.id, p.user_id, c.created_at, c.closed_at, c.status, c.priority
      from changed c
      cross join lateral (values (c.creator_id), (case when c.assignee_id <> c.creator_id then c.assignee_id end)) p (user_id)
     where p.user_id is not null)`;

/** Adds a change's `parties` to the three rollups, in key order (concurrent changes lock rows in the same order). */
const APPLY = `quarters as (
    insert into ticket_stats_quarters as q (user_id, bucket, opened, closed)
    select user_id, bucket, sum(opened), sum(closed) from (
      select user_id, date_bin('15 minutes', created_at, timestamptz '2000-01-01 00:00:00+00') as bucket, sign as opened, 0 as closed from parties
      union all
      select user_id, date_bin('15 minutes', closed_at, timestamptz '2000-01-01 00:00:00+00'), 0, sign from parties
       where status = 'closed' and closed_at is not null) d
    group by user_id, bucket having sum(opened) <> 0 or sum(closed) <> 0
    order by user_id, bucket
    on conflict (user_id, bucket) do update set opened = q.opened + excluded.opened, closed = q.closed + excluded.closed),
  opens as (
    insert into ticket_stats_open as o (user_id, priority, open)
    select user_id, priority, sum(sign) from parties where status <> 'closed'
    group by user_id, priority having sum(sign) <> 0
    order by user_id, priority
    on conflict (user_id, priority) do update set open = o.open + excluded.open),
  closes as (
    select user_id, id, bool_or(sign = 1) as closed_now,
           max(closed_at) filter (where sign = 1) as closed_at,
           max(extract(epoch from closed_at - created_at)) filter (where sign = 1) as seconds
      from parties where status = 'closed' and closed_at is not null group by user_id, id),
  gone as (
    delete from ticket_stats_closes s using closes c
     where not c.closed_now and s.user_id = c.user_id and s.ticket_id = c.id)
  insert into ticket_stats_closes as s (user_id, ticket_id, closed_at, seconds)
  select user_id, id, closed_at, seconds from closes where closed_now order by user_id, id
  on conflict (user_id, ticket_id) do update set closed_at = excluded.closed_at, seconds = excluded.seconds`;

const COLUMNS = `id, creator_id, assignee_id, created_at, closed_at, status, priority`;

const APPLY_FUNCTION = `create function ticket_stats_on_change() returns trigger language plpgsql as $fn$
begin
  if tg_op = 'INSERT' then
    with changed as (select 1 as sign, ${COLUMNS} from new_rows), ${PARTIES}, ${APPLY};
  elsif tg_op = 'DELETE' then
    with changed as (select -1 as sign, ${COLUMNS} from old_rows), ${PARTIES}, ${APPLY};
  else
    with moved as (
      select o.id from old_rows o join new_rows n on n.id = o.id
       where (o.creator_id, o.assignee_id, o.created_at, o.closed_at, o.status, o.priority)
             is distinct from (n.creator_id, n.assignee_id, n.created_at, n.closed_at, n.status, n.priority)),
    changed as (
      select -1 as sign, ${COLUMNS} from old_rows where id in (select id from moved)
      union all
      select 1, ${COLUMNS} from new_rows where id in (select id from moved)), ${PARTIES}, ${APPLY};
  end if;
  return null;
end
$fn$;`;

const REBUILD_FUNCTION = `create function ticket_stats_rebuild() returns void language plpgsql as $fn$
begin
  truncate ticket_stats_quarters, ticket_stats_open, ticket_stats_closes;
  with changed as (select 1 as sign, ${COLUMNS} from tickets), ${PARTIES}, ${APPLY};
end
$fn$;`;
