import { Inject, Injectable, Logger, OnApplicationShutdown, Optional } from '@nestjs/common';
import { Pool } from 'pg';
import { DatabasePools } from './pools';
import { pgRunner, Sql, SqlRunner } from './sql';

/** The injection token of a function that sees every statement (the tests count queries per request with it). */
export const QUERY_LOG = Symbol('QUERY_LOG');
export type QueryLog = (line: string) => void;

/**
 * The hot read paths (one ticket, box pages and search, customer names, the inbox) on a pg pool of
 * their own: PostgreSQL binds the parameters, and neither MikroORM's query formatting nor knex and
 * its pool sit in between (docs/performance.md, change 16). Writes stay on the unit of work or the
 * ORM's connection (`ormRunner`); these statements never need a transaction.
 */
@Injectable()
export class ReadPool implements SqlRunner, OnApplicationShutdown {
  private readonly logger = new Logger(ReadPool.name);
  private readonly pool: Pool;
  private readonly runner: SqlRunner;

  constructor(pools: DatabasePools, @Optional() @Inject(QUERY_LOG) log?: QueryLog) {
    this.pool = pools.open('read', this.logger);
    this.runner = pgRunner(this.pool, log, 'read pool');
  }

  query<R = Record<string, unknown>>(statement: Sql): Promise<R[]> {
    return this.runner.query<R>(statement);
  }

  /**
   * With the other pools, after the HTTP server has closed (onModuleDestroy would run before it,
   * under requests in flight). Nest may call it once per module that sees the global provider.
   */
  async onApplicationShutdown(): Promise<void> {
    if (!this.pool.ending) await this.pool.end();
  }
}
