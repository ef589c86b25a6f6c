import type { EntityManager } from '@mikro-orm/postgresql';
import { defineTable, ormRunner, pgRunner, sql } from './sql';

describe('sql', () => {
  it('binds every value as a numbered parameter, never as text', () => {
    const name = `O'Brien; drop table users; --`;
    expect(sql`select id from users where username = ${name} and id <> ${'x'}`.render()).toEqual({
      text: 'select id from users where username = $1 and id <> $2',
      values: [name, 'x'],
    });
  });

  it('splices nested fragments in with their parameters renumbered in order', () => {
    const after = sql`and (created_at, id) < (${'2026-01-01'}, ${'b'})`;
    const where = sql`creator_id = ${'me'} ${after}`;
    expect(sql`select 1 from tickets where ${where} limit ${11}`.render()).toEqual({
      text: 'select 1 from tickets where creator_id = $1 and (created_at, id) < ($2, $3) limit $4',
      values: ['me', '2026-01-01', 'b', 11],
    });
  });

  it('binds an array as one parameter, for = any() and unnest()', () => {
    expect(sql`where id = any(${['a', 'b']}::uuid[])`.render()).toEqual({
      text: 'where id = any($1::uuid[])',
      values: [['a', 'b']],
    });
    expect(sql`where id = any(${[]}::uuid[])`.render().values).toEqual([[]]);
  });

  it('binds undefined as null', () => {
    expect(sql`values (${undefined})`.render().values).toEqual([null]);
  });

  it('joins fragments with a separator, and nothing when there are none', () => {
    const parts = [sql`a = ${1}`, sql`b = ${2}`, sql`c = ${3}`];
    expect(sql`where ${sql.join(parts, sql` and `)}`.render()).toEqual({
      text: 'where a = $1 and b = $2 and c = $3',
      values: [1, 2, 3],
    });
    expect(sql`x${sql.join([])}y`.render()).toEqual({ text: 'xy', values: [] });
    expect(sql`${sql.join([sql`only ${1}`])}`.render()).toEqual({
      text: 'only $1',
      values: [1],
    });
  });

  it('writes optional parts and identifiers as text, refusing anything that is not a plain name', () => {
    expect(
      sql`select ${sql.ident('t', 'id')} from t ${sql.if(false, () => sql`where ${1}`)}${sql.empty}`.render(),
    ).toEqual({ text: 'select t.id from t ', values: [] });
    expect(() => sql.ident('id; drop')).toThrow('not a plain SQL identifier');
    expect(() => sql.ident('"Id"')).toThrow('not a plain SQL identifier');
  });
});

describe('defineTable', () => {
  const things = defineTable('things', {
    id: 'uuid',
    owner_id: 'uuid',
    payload: 'jsonb',
    created_at: 'timestamptz',
  });

  it('writes the column list once, for select lists and typed rows', () => {
    expect(sql`select ${things.columns()} from ${things.name}`.render().text).toBe(
      'select id, owner_id, payload, created_at from things',
    );
    expect(things.columns('t').render().text).toBe('t.id, t.owner_id, t.payload, t.created_at');
    const rows = [
      { id: 'a', owner_id: 'o', payload: '{}', created_at: null },
      { id: 'b', owner_id: 'o', payload: '[]', created_at: null },
    ];
    expect(sql`insert into ${things.name} (${things.columns()}) values ${things.values(rows)}`.render()).toEqual({
      text: 'insert into things (id, owner_id, payload, created_at) values ($1::uuid, $2::uuid, $3::jsonb, $4::timestamptz), ($5::uuid, $6::uuid, $7::jsonb, $8::timestamptz)',
      values: ['a', 'o', '{}', null, 'b', 'o', '[]', null],
    });
    expect(things.pick('owner_id', 'id').columns().render().text).toBe('owner_id, id');
  });

  it('maps a row to a camelCase record with Date timestamps, whichever connection read it', () => {
    const at = '2026-12-01 10:00:00.123+00';
    expect(
      things.toRecord({
        id: 'a',
        owner_id: 'o',
        payload: { x: 1 },
        created_at: at,
      }),
    ).toEqual({
      id: 'a',
      ownerId: 'o',
      payload: { x: 1 },
      createdAt: new Date(at),
    });
    const date = new Date();
    expect(things.toRecord<{ createdAt: Date }>({ created_at: date }).createdAt).toBe(date);
    expect(things.toRecord({ created_at: null })).toEqual({ createdAt: null });
  });

  it('refuses a type that is not a plain name', () => {
    expect(() => defineTable('x', { a: 'text); drop table x; --' })).toThrow('not a plain SQL type');
  });
});

describe('runners', () => {
  it('runs a statement with its values on a pg pool or client and reports it to the query log', async () => {
    const sent: unknown[] = [];
    const lines: string[] = [];
    const db = {
      query: async (text: string, values?: unknown[]) => (
        sent.push({ text, values }),
        { rows: [{ one: 1 }], rowCount: 1 }
      ),
    };
    await expect(pgRunner(db, (l) => lines.push(l), 'read pool').query(sql`select ${1} as one`)).resolves.toEqual([
      { one: 1 },
    ]);
    expect(sent).toEqual([{ text: 'select $1 as one', values: [1] }]);
    expect(lines).toEqual([
      expect.stringMatching(/^\[query\] select \$1 as one \[took \d+ ms, 1 results\] \(read pool\)$/),
    ]);
  });

  it("runs on the ORM's pool outside a transaction, on the transaction's connection inside one, logging through MikroORM", async () => {
    const calls: string[] = [];
    const connectionOf = (name: string) => ({
      query: async (text: string) => (calls.push(`${name}: ${text}`), { rows: [], rowCount: 0 }),
    });
    const client = (name: string) => ({
      acquireConnection: async () => (calls.push(`acquire ${name}`), connectionOf(name)),
      releaseConnection: async () => void calls.push(`release ${name}`),
    });
    const logged: unknown[] = [];
    const em = (trx: unknown) =>
      ({
        getConnection: () => ({
          ensureConnection: async () => undefined,
          getKnex: () => ({ client: client('pool') }),
        }),
        getTransactionContext: () => trx,
        config: {
          getLogger: () => ({
            isEnabled: () => true,
            logQuery: (c: { query: string }) => logged.push(c.query),
          }),
        },
      }) as unknown as EntityManager;
    await ormRunner(em(undefined)).query(sql`select ${1}`);
    await ormRunner(em({ client: client('trx'), isCompleted: () => false })).query(sql`select ${2}`);
    expect(calls).toEqual([
      'acquire pool',
      'pool: select $1',
      'release pool',
      'acquire trx',
      'trx: select $1',
      'release trx',
    ]);
    expect(logged).toEqual(['select $1', 'select $1']);
    await expect(
      ormRunner(em({ client: client('done'), isCompleted: () => true })).query(sql`select 1`),
    ).rejects.toThrow('Transaction query already complete');
  });
});
