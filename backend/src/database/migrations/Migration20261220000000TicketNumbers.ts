import { Migration } from '@mikro-orm/migrations';

/**
 * Ticket numbers (`#1042`): a positive integer per ticket, unique, increasing in creation order.
 * The existing rows are numbered in creation order, then the sequence continues after the last
 * of them. The API takes numbers from the sequence before it writes a ticket (the `ticket.created`
 * event carries the number and is written in the same statement as the row); the column's default
 * numbers the rows written by other tools (seeders, scale tooling).
 *
 * The indexes serve the list's filters and sorts: each sort key after the party column, so every
 * sort is a keyset walk over one index per box; `number` alone for `q=#1042`. `pg_trgm` is not needed: prefixes of words are answered by the existing GIN index
 * on `search` (`to_tsquery('english', 'lapt:*')`). A search also matches the ticket's customer by
 * name (word prefixes) or email (prefix); PostgreSQL reads the matching customers first (a hashed
 * subplan), which without an index meant computing every customer's words: 145 ms at 100k
 * customers, 0.1 ms with the two indexes on customers below (a fallback search of a 5k-ticket box
 * at the large bench scale: 13–26 ms instead of 110–190 ms; the filters and sorts: under 5 ms).
 */
export class Migration20261220000000TicketNumbers extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "tickets" add column "number" integer null;`);
    this.addSql(`create sequence "tickets_number_seq" as integer start 1 owned by "tickets"."number";`);
    this.addSql(`update "tickets" t set "number" = n.number
      from (select "id", row_number() over (order by "created_at", "id")::int as number from "tickets") n
      where t."id" = n."id";`);
    this.addSql(`select setval('tickets_number_seq', coalesce((select max("number") from "tickets"), 0) + 1, false);`);
    this.addSql(
      `alter table "tickets" alter column "number" set default nextval('tickets_number_seq'), alter column "number" set not null, add constraint "tickets_number_positive" check ("number" > 0);`,
    );
    this.addSql(`create unique index "tickets_number_key" on "tickets" ("number");`);
    this.addSql(`create index "customers_name_words_idx" on "customers" using gin (to_tsvector('simple', "name"));`);
    this.addSql(`create index "customers_email_prefix_idx" on "customers" (lower("email") text_pattern_ops);`);
    for (const party of ['creator', 'assignee']) {
      this.addSql(
        `create index "tickets_${party}_updated_idx" on "tickets" ("${party}_id", "updated_at" desc, "created_at" desc, "id" desc);`,
      );
      this.addSql(
        `create index "tickets_${party}_priority_idx" on "tickets" ("${party}_id", (case "priority" when 'urgent' then 4 when 'high' then 3 when 'normal' then 2 else 1 end) desc, "created_at" desc, "id" desc);`,
      );
    }
  }

  override async down(): Promise<void> {
    this.addSql(`drop index if exists "customers_name_words_idx";`);
    this.addSql(`drop index if exists "customers_email_prefix_idx";`);
    for (const party of ['creator', 'assignee']) {
      this.addSql(`drop index if exists "tickets_${party}_updated_idx";`);
      this.addSql(`drop index if exists "tickets_${party}_priority_idx";`);
    }
    this.addSql(`alter table "tickets" drop column "number";`);
  }
}
