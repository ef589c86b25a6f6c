import { toProblem } from './problem.filter';

describe('toProblem for database outages', () => {
  it.each([
    ['pg-pool connect timeout', new Error('timeout exceeded when trying to connect')],
    ['connection refused', Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' })],
    ['terminated', new Error('Connection terminated unexpectedly')],
    ['admin shutdown', Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' })],
    ['knex pool', new Error('Knex: Timeout acquiring a connection. The pool is probably full.')],
    ['knex transaction ended by a broken connection', Object.assign(new Error('Transaction query already complete, run with DEBUG=knex:tx for more info'), { name: 'DriverException' })],
    ['wrapped', Object.assign(new Error('driver error'), { previous: Object.assign(new Error('x'), { code: '08006' }) })],
  ])('answers 503 for %s', (_name, error) => {
    expect(toProblem(error).status).toBe(503);
  });

  it('keeps other errors a bare 500', () => {
    expect(toProblem(new Error('undefined is not a function'))).toMatchObject({ status: 500, code: 'INTERNAL' });
  });
});
