import { AppConfig } from '../../config/app-config';
import { isDatabaseUnavailable } from '../errors/problem.filter';
import type { ModuleRef } from '@nestjs/core';
import { DatabasePools } from './pools';
import { ReadPool } from './read-pool';
import { sql } from './sql';

// The pool connects lazily; port 1 on loopback refuses every connection.
const config = Object.assign(new AppConfig(), {
  DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none',
  DB_READ_POOL_MAX: 1,
});

describe('ReadPool', () => {
  let reads: ReadPool;
  beforeEach(() => (reads = new ReadPool(new DatabasePools(config, {} as ModuleRef))));
  afterEach(() => reads.onApplicationShutdown());

  it('fails a read on an unreachable server with an error the problem filter answers 503', async () => {
    const error = await reads.query(sql`select 1`).catch((e: unknown) => e);
    expect(String(error)).toMatch(/ECONNREFUSED/);
    expect(isDatabaseUnavailable(error)).toBe(true);
  });

  it('sends $n placeholders with their values to PostgreSQL and reports the statement to the query log', async () => {
    const lines: string[] = [];
    const logged = new ReadPool(new DatabasePools(config, {} as ModuleRef), (line) => lines.push(line));
    const sent: unknown[] = [];
    // Stand in for the network: the statement as pg would receive it.
    (
      logged as unknown as {
        pool: { query: (text: string, params: unknown[]) => Promise<unknown> };
      }
    ).pool.query = async (text, params) => {
      sent.push({ text, params });
      return { rows: [{ one: 1 }], rowCount: 1 };
    };
    await expect(
      logged.query(sql`select 1 as one where ${1} = ${1} and (created_at, id) < (${'x'}, ${'y'})`),
    ).resolves.toEqual([{ one: 1 }]);
    expect(sent).toEqual([
      {
        text: 'select 1 as one where $1 = $2 and (created_at, id) < ($3, $4)',
        params: [1, 1, 'x', 'y'],
      },
    ]);
    expect(lines).toEqual([
      expect.stringMatching(/^\[query\] select 1 as one where \$1 = \$2 .* \[took \d+ ms, 1 results\] \(read pool\)$/),
    ]);
    await logged.onApplicationShutdown();
  });
});
