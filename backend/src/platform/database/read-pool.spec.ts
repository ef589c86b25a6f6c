import { AppConfig } from '../../config/app-config';
import { isDatabaseUnavailable } from '../errors/problem.filter';
import { ReadPool } from './read-pool';

// The pool connects lazily; port 1 on loopback refuses every connection.
const config = Object.assign(new AppConfig(), { DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none', DB_READ_POOL_MAX: 1 });

describe('ReadPool', () => {
  let reads: ReadPool;
  beforeEach(() => (reads = new ReadPool(config)));
  afterEach(() => reads.onModuleDestroy());

  it('refuses a statement whose placeholders do not match its parameters, before it is sent', async () => {
    await expect(reads.query('select 1 from tickets where id = ? and creator_id = ?', ['a'])).rejects.toThrow('read statement has 2 placeholders for 1 parameters');
    await expect(reads.query('select 1', ['a'])).rejects.toThrow('read statement has 0 placeholders for 1 parameters');
  });

  it('fails a read on an unreachable server with an error the problem filter answers 503', async () => {
    const error = await reads.query('select 1').catch((e: unknown) => e);
    expect(String(error)).toMatch(/ECONNREFUSED/);
    expect(isDatabaseUnavailable(error)).toBe(true);
  });

  it('numbers ? placeholders in order for PostgreSQL and reports the statement to the query log', async () => {
    const lines: string[] = [];
    const logged = new ReadPool(config, (line) => lines.push(line));
    const sent: unknown[] = [];
    // Stand in for the network: the statement as pg would receive it.
    (logged as unknown as { pool: { query: (text: string, params: unknown[]) => Promise<unknown> } }).pool.query = async (text, params) => {
      sent.push({ text, params });
      return { rows: [{ one: 1 }], rowCount: 1 };
    };
    await expect(logged.query('select 1 as one where ? = ? and (created_at, id) < (?, ?)', [1, 1, 'x', 'y'])).resolves.toEqual([{ one: 1 }]);
    expect(sent).toEqual([{ text: 'select 1 as one where $1 = $2 and (created_at, id) < ($3, $4)', params: [1, 1, 'x', 'y'] }]);
    expect(lines).toEqual([expect.stringMatching(/^\[query\] select 1 as one where \$1 = \$2 .* \[took \d+ ms, 1 results\] \(read pool\)$/)]);
    await logged.onModuleDestroy();
  });
});
