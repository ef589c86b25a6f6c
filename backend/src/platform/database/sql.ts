import type { EntityManager } from '@mikro-orm/postgresql';

/**
 * The one way to write SQL in the backend: the `sql` tagged template. Every `${value}` becomes a
 * server-bound parameter (`$1`, `$2`, … in order); a nested `Sql` fragment is spliced in with its
 * own parameters renumbered; arrays are one parameter that PostgreSQL receives as an array
 * (`= any(${ids})`, `unnest(${ids}::uuid[])`). Text only enters a statement through the template's
 * literal parts, `sql.ident` (checked identifiers) and table definitions (`defineTable`), so no
 * value is ever formatted into SQL text.
 *
 * Statements run on a `SqlRunner`: the read pool (`ReadPool`), the ORM's connection or the
 * transaction an EntityManager is in (`ormRunner`), or any pg pool or client (`pgRunner`).
 */
export class Sql {
  /** Built by `sql`, `sql.ident`, `sql.join` and table definitions: text parts around values. */
  constructor(
    readonly strings: readonly string[],
    readonly values: readonly unknown[],
  ) {}

  /** The statement as PostgreSQL receives it: `$n` placeholders and their values, in order. */
  render(): { text: string; values: unknown[] } {
    const values: unknown[] = [];
    const text = this.renderInto(values);
    return { text, values };
  }

  private renderInto(values: unknown[]): string {
    let text = this.strings[0];
    for (let i = 0; i < this.values.length; i++) {
      const value = this.values[i];
      if (value instanceof Sql) text += value.renderInto(values);
      else {
        values.push(value === undefined ? null : value);
        text += `$${values.length}`;
      }
      text += this.strings[i + 1];
    }
    return text;
  }
}

const IDENTIFIER = /^[a-z_][a-z0-9_]*$/;

function text(literal: string): Sql {
  return new Sql([literal], []);
}

/** A name written into the statement: lower-case identifiers only (a typo fails loudly, nothing is quoted). */
function ident(...names: string[]): Sql {
  for (const name of names)
    if (!IDENTIFIER.test(name)) throw new Error(`not a plain SQL identifier: ${JSON.stringify(name)}`);
  return text(names.join('.'));
}

/** Fragments joined by a separator (`, ` unless given); no fragments give an empty fragment. */
function join(parts: readonly Sql[], separator: Sql = text(', ')): Sql {
  const values: Sql[] = [];
  parts.forEach((part, i) => {
    if (i > 0) values.push(separator);
    values.push(part);
  });
  return new Sql(Array<string>(values.length + 1).fill(''), values);
}

const EMPTY = text('');

/** The tag: `sql\`select … where id = ${id}\``. */
export const sql = Object.assign(
  (strings: TemplateStringsArray, ...values: unknown[]): Sql => new Sql(strings, values),
  {
    ident,
    join,
    /** Nothing: for an optional part of a statement (`${q ? sql\`and …\` : sql.empty}`). */
    empty: EMPTY,
    /** A fragment `when` is true, else nothing. */
    if: (when: boolean, part: () => Sql): Sql => (when ? part() : EMPTY),
  },
);

/** Runs statements somewhere; every runner reports each statement to the tests' query log. */
export interface SqlRunner {
  query<R = Record<string, unknown>>(statement: Sql): Promise<R[]>;
}

/** What pg's Pool, PoolClient and Client have in common. */
export interface PgQueryable {
  query(text: string, values?: unknown[]): Promise<{ rows: unknown[]; rowCount: number | null }>;
}

/** A statement line as the query log shows it (the same shape as MikroORM's query logger). */
export type QueryLine = (line: string) => void;

async function runLogged<R>(
  db: PgQueryable,
  statement: Sql,
  log: ((text: string, took: number, results: number, failed: boolean) => void) | undefined,
): Promise<R[]> {
  const { text: sqlText, values } = statement.render();
  if (!log) return (await db.query(sqlText, values)).rows as R[];
  const started = performance.now();
  try {
    const result = await db.query(sqlText, values);
    log(sqlText, Math.round(performance.now() - started), result.rowCount ?? result.rows.length, false);
    return result.rows as R[];
  } catch (error) {
    log(sqlText, Math.round(performance.now() - started), 0, true);
    throw error;
  }
}

/** A runner on a pg pool or client; `label` names it in the query log. */
export function pgRunner(db: PgQueryable, log?: QueryLine, label = 'pg'): SqlRunner {
  const line = log
    ? (t: string, took: number, results: number) => log(`[query] ${t} [took ${took} ms, ${results} results] (${label})`)
    : undefined;
  return { query: <R>(statement: Sql) => runLogged<R>(db, statement, line) };
}

/** The knex objects ormRunner relies on (a knex instance or transaction: its client hands out the pg connection). */
interface KnexLike {
  client: {
    acquireConnection(): Promise<PgQueryable>;
    releaseConnection(connection: unknown): Promise<void>;
  };
  isCompleted?: () => boolean;
}

/**
 * A runner on the ORM's connection pool, or on the transaction `em` is in (`em.transactional`'s
 * EntityManager): the pg connection knex holds for it runs the statement with server-bound
 * parameters, without MikroORM's formatting of values into the text or knex's query runner.
 * Each statement reaches MikroORM's query logger (the tests' `onQuery`), like the ORM's own.
 */
export function ormRunner(em: EntityManager): SqlRunner {
  return {
    async query<R>(statement: Sql): Promise<R[]> {
      const connection = em.getConnection();
      await connection.ensureConnection();
      const trx = em.getTransactionContext<KnexLike>();
      // The message knex gives a statement sent to a transaction it has already ended (see isDatabaseUnavailable).
      if (trx?.isCompleted?.()) throw new Error('Transaction query already complete');
      const client = (trx ?? (connection.getKnex() as unknown as KnexLike)).client;
      const logger = em.config.getLogger();
      const log = logger.isEnabled('query')
        ? (query: string, took: number, results: number, failed: boolean) =>
            logger.logQuery({
              query,
              took,
              results,
              level: failed ? 'error' : 'info',
              connection: { type: 'write' },
            })
        : undefined;
      const pg = await client.acquireConnection();
      try {
        return await runLogged<R>(pg, statement, log);
      } finally {
        await client.releaseConnection(pg);
      }
    },
  };
}

/** A table's column list, written once: names, their PostgreSQL types, and the record keys they map to. */
export interface Table<C extends string> {
  readonly name: Sql;
  readonly columnNames: readonly C[];
  /** `a, b, c`, or `t.a, t.b, t.c` with an alias. */
  columns(alias?: string): Sql;
  /** `($1::uuid, $2::text, …), (…)`: each row's values in column order, cast to the column types. */
  values(rows: readonly Readonly<Record<C, unknown>>[]): Sql;
  /** One row's values, cast (for `insert … select ${row} where …`). */
  row(row: Readonly<Record<C, unknown>>): Sql;
  /** The same table with some of its columns, in the given order. */
  pick<K extends C>(...names: K[]): Table<K>;
  /** A record's values under their column names (`createdAt` → `created_at`), for `values` and `row`. */
  toRow(record: object): Record<C, unknown>;
  /** `a = $1::type, b = $2::type` for the columns whose record values differ (Dates by time): what a change wrote. */
  changed(before: object, after: object): Sql;
  /** A row with these columns as a record with camelCase keys (`created_at` → `createdAt`), timestamps as Dates. */
  toRecord<R>(row: Readonly<Record<string, unknown>>): R;
}

const camel = (column: string) => column.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());

/** Defines a table by its columns and their types (`{ id: 'uuid', title: 'text' }`), in the order statements list them. */
export function defineTable<C extends string>(name: string, types: Readonly<Record<C, string>>): Table<C> {
  const names = Object.keys(types) as C[];
  for (const type of Object.values<string>(types))
    if (!/^[a-z][a-z0-9_ ]*(\[\])?$/.test(type)) throw new Error(`not a plain SQL type: ${JSON.stringify(type)}`);
  const casts = names.map((c) => text(`::${types[c]}`));
  const keys = names.map(camel);
  // The ORM's connection reads timestamps as text, pg's default parser as Dates: records always hold Dates.
  const isTime = names.map((c) => types[c] === 'timestamptz');
  const table: Table<C> = {
    name: ident(name),
    columnNames: names,
    columns: (alias) => (alias ? join(names.map((c) => ident(alias, c))) : join(names.map((c) => ident(c)))),
    row: (row) => join(names.map((c, i) => new Sql(['', casts[i].strings[0]], [row[c]]))),
    values: (rows) => join(rows.map((row) => sql`(${table.row(row)})`)),
    pick: (...picked) =>
      defineTable(
        name,
        Object.fromEntries(picked.map((c) => [c, types[c]])) as Record<(typeof picked)[number], string>,
      ),
    toRow: (record) => {
      const row = {} as Record<C, unknown>;
      for (let i = 0; i < names.length; i++) row[names[i]] = (record as Record<string, unknown>)[keys[i]];
      return row;
    },
    changed: (before, after) => {
      const b = before as Record<string, unknown>;
      const a = after as Record<string, unknown>;
      const differs = (x: unknown, y: unknown) =>
        x instanceof Date && y instanceof Date ? x.getTime() !== y.getTime() : x !== y;
      const set = names.flatMap((c, i) =>
        differs(b[keys[i]], a[keys[i]]) ? [sql`${ident(c)} = ${new Sql(['', casts[i].strings[0]], [a[keys[i]]])}`] : [],
      );
      return join(set);
    },
    toRecord: <R>(row: Readonly<Record<string, unknown>>) => {
      const record: Record<string, unknown> = {};
      for (let i = 0; i < names.length; i++) {
        if (!(names[i] in row)) continue;
        const value = row[names[i]];
        record[keys[i]] = isTime[i] && value != null && !(value instanceof Date) ? new Date(value as string) : value;
      }
      return record as R;
    },
  };
  return table;
}
