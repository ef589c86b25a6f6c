import { Migration } from '@mikro-orm/migrations';

/**
 * The customer's words as the search reads them (ADR 0019): each word of the name (`simple`) and
 * its first 1–10 characters, then `@` + the lower-cased email and `@` + its first 1–10 characters.
 */
const WORDS = `create function tickets_customer_words(name text, email text) returns tsvector
  language sql immutable parallel safe as $$
    select coalesce(array_to_tsvector(array_agg(distinct p)), ''::tsvector) from (
      select left(w, n) as p
        from unnest(tsvector_to_array(to_tsvector('simple', coalesce(name, '')))) w, generate_series(1, least(length(w), 10)) n
      union all select w from unnest(tsvector_to_array(to_tsvector('simple', coalesce(name, '')))) w
      union all select '@' || left(e, n) from (select lower(coalesce(email, '')) as e) m, generate_series(1, least(length(e), 10)) n
      union all select '@' || e from (select lower(coalesce(email, '')) as e) m where e <> ''
    ) x
  $$;`;

/**
 * A search by the customer's name or email reads the ticket's own row (ADR 0019). Before, the match
 * was `exists (select 1 from customers …)`: in a box whose newest rows hold too few matches, PostgreSQL
 * hashed every customer matching the words first (thousands for a short prefix at the large bench
 * scale), and the `or` kept the box's GIN index out of the plan.
 *
 * `tickets.customer_search` holds the customer's words (`tickets_customer_words`): the name's words
 * as `to_tsvector('simple', name)` read them, as the old match did, and the email as one lexeme
 * behind `@`, which no word of a name starts with, so a word never matches an email and an email
 * prefix never matches a name. Each also comes with its first 1–10 characters as lexemes of their
 * own: a prefix of up to 10 characters is then an exact lexeme, which the GIN index intersects
 * with the box by skipping through both posting lists, where a prefix query (`grac:*`) must first
 * read every ticket of every matching word. Longer prefixes stay prefix queries; they match few
 * words. The party GIN index carries the column beside `search`, so every arm of a search (title
 * words, name words, email prefix, number) is an index scan within the box, or-ed as bitmaps.
 *
 * The database keeps the copy, as it keeps an index: a ticket's insert, and an update that changes
 * its customer, read the customer's words (one key lookup); a change of a customer's name or email
 * rewrites the words of its tickets in the same transaction. Every other write costs nothing (the
 * `when` clauses are evaluated without calling a function). The scale seeder, which loads with
 * triggers off, writes the column in its insert.
 */
export class Migration20270102000000TicketCustomerWords extends Migration {
  override async up(): Promise<void> {
    this.addSql(WORDS);
    this.addSql(`alter table "tickets" add column "customer_search" tsvector not null default ''::tsvector;`);
    this.addSql(`update "tickets" t set "customer_search" = tickets_customer_words(c."name", c."email")
      from "customers" c where c."id" = t."customer_id";`);
    this.addSql(`create function tickets_customer_words_fill() returns trigger language plpgsql as $$
      begin
        new.customer_search := coalesce(
          (select tickets_customer_words(c.name, c.email) from customers c where c.id = new.customer_id), ''::tsvector);
        return new;
      end $$;`);
    this.addSql(`create trigger "tickets_customer_words_insert" before insert on "tickets" for each row
      execute function tickets_customer_words_fill();`);
    this.addSql(`create trigger "tickets_customer_words_update" before update of "customer_id" on "tickets" for each row
      when (old.customer_id is distinct from new.customer_id) execute function tickets_customer_words_fill();`);
    this.addSql(`create function tickets_customer_words_follow() returns trigger language plpgsql as $$
      begin
        update tickets set customer_search = tickets_customer_words(new.name, new.email) where customer_id = new.id;
        return null;
      end $$;`);
    this.addSql(`create trigger "customers_ticket_words" after update of "name", "email" on "customers" for each row
      when (old.name is distinct from new.name or old.email is distinct from new.email)
      execute function tickets_customer_words_follow();`);
    this.addSql(
      `create index "tickets_parties_words_idx" on "tickets" using gin ("creator_id", "assignee_id", "search", "customer_search") with (fastupdate = off);`,
    );
    this.addSql(`drop index if exists "tickets_parties_search_idx";`);
    this.addSql(`drop index if exists "customers_name_words_idx";`);
    this.addSql(`drop index if exists "customers_email_prefix_idx";`);
  }

  override async down(): Promise<void> {
    this.addSql(`create index "customers_name_words_idx" on "customers" using gin (to_tsvector('simple', "name"));`);
    this.addSql(`create index "customers_email_prefix_idx" on "customers" (lower("email") text_pattern_ops);`);
    this.addSql(
      `create index "tickets_parties_search_idx" on "tickets" using gin ("creator_id", "assignee_id", "search") with (fastupdate = off);`,
    );
    this.addSql(`drop index if exists "tickets_parties_words_idx";`);
    this.addSql(`drop trigger if exists "customers_ticket_words" on "customers";`);
    this.addSql(`drop trigger if exists "tickets_customer_words_update" on "tickets";`);
    this.addSql(`drop trigger if exists "tickets_customer_words_insert" on "tickets";`);
    this.addSql(`drop function if exists tickets_customer_words_follow();`);
    this.addSql(`drop function if exists tickets_customer_words_fill();`);
    this.addSql(`alter table "tickets" drop column "customer_search";`);
    this.addSql(`drop function if exists tickets_customer_words(text, text);`);
  }
}
