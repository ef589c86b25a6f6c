import { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import { Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { Pool } from 'pg';
import { AppConfig } from '../../config/app-config';
import { PgListener, PgListenerHandlers } from './pg-listener';

/** The pg pools besides the ORM's, by what they serve. */
export type PgPoolName = 'read' | 'session' | 'outbox' | 'notify' | 'idempotency' | 'live';

/** Every database connection one instance may open, from the config: each pool's most, and their sum. */
export interface PoolSizes {
  /** MikroORM's pool (unit of work, one-statement writes): DB_POOL_MAX. */
  orm: number;
  /** ReadPool, the hot reads: DB_READ_POOL_MAX. */
  read: number;
  /** The session store: SESSION_POOL_MAX. */
  session: number;
  /** The outbox dispatcher's workers (one connection each) and its pruning: OUTBOX_CONCURRENCY + 1, 0 without OUTBOX_DISPATCH. */
  outbox: number;
  /** The NOTIFY after a commit that published events: 1. */
  notify: number;
  /** Idempotency-Key claims and answers (asynchronous commit): IDEMPOTENCY_POOL_MAX. */
  idempotency: number;
  /** The live event streams' log reads (the tail every stream shares, and resumes): 2. */
  live: number;
  /** The one LISTEN connection (Notifications), shared by the token cache, the dispatcher and the live streams. */
  listeners: number;
  total: number;
}

export function poolSizes(config: AppConfig): PoolSizes {
  const sizes = {
    orm: config.DB_POOL_MAX,
    read: config.DB_READ_POOL_MAX,
    session: config.SESSION_POOL_MAX,
    outbox: config.OUTBOX_DISPATCH ? config.OUTBOX_CONCURRENCY + 1 : 0,
    notify: 1,
    idempotency: config.IDEMPOTENCY_POOL_MAX,
    live: 2,
    listeners: 1,
  };
  return { ...sizes, total: Object.values(sizes).reduce((a, b) => a + b, 0) };
}

/** A pool's size and the connections checked out of it right now. */
export interface PoolUse {
  max: number;
  inUse: number;
}

export type PoolsInUse = Record<'orm' | PgPoolName, PoolUse> & { listeners: number; total: number };

/** A pool's connections now, for the metrics: open (idle or in use), idle, and callers waiting for one. */
export interface PoolStats {
  max: number;
  total: number;
  idle: number;
  inUse: number;
  waiting: number;
}

/** The knex pool (tarn) behind MikroORM's connection, as far as the health check and the metrics read it. */
interface TarnLike {
  numUsed(): number;
  numFree(): number;
  numPendingAcquires(): number;
}

/**
 * The one place that opens connection pools and LISTEN connections, with the sizes and connect
 * timeouts of the config (`poolSizes`; the ORM's pool is MikroORM's, sized from the same place in
 * app.module). It remembers what it opened, so `GET /api/health` can show each pool's use.
 * Owners close what they opened (on application shutdown).
 */
@Injectable()
export class DatabasePools implements OnApplicationShutdown {
  readonly sizes: PoolSizes;
  private readonly pools = new Map<PgPoolName, Pool>();
  private notifications?: PgListener;

  constructor(
    private readonly config: AppConfig,
    private readonly moduleRef: ModuleRef,
  ) {
    this.sizes = poolSizes(config);
  }

  /** Opens a pg pool of this name (max connections and connect timeout from the config); idle connection errors are logged. */
  open(name: PgPoolName, logger: Logger): Pool {
    const connectTimeout =
      name === 'session' ? this.config.SESSION_POOL_CONNECT_TIMEOUT_MS : this.config.DB_CONNECT_TIMEOUT_MS;
    const max = name === 'outbox' ? this.config.OUTBOX_CONCURRENCY + 1 : this.sizes[name];
    const pool = new Pool({
      connectionString: this.config.DATABASE_URL,
      max,
      connectionTimeoutMillis: connectTimeout,
      // A key's claim may commit asynchronously: the creation's own synchronous commit comes after it in the WAL (ADR 0010).
      ...(name === 'idempotency' ? { options: '-c synchronous_commit=off' } : {}),
    });
    // An idle connection that breaks (the server restarted) is dropped by the pool; the next query opens a new one.
    pool.on('error', (error) => logger.warn(`${name} pool: idle connection lost: ${error.message}`));
    this.pools.set(name, pool);
    return pool;
  }

  /**
   * Listens on `channel` over the instance's one reconnecting LISTEN connection (opened on first
   * use). Resolves once LISTEN is in place or the first attempt failed; answers the function that
   * stops listening.
   */
  listen(channel: string, handlers: PgListenerHandlers): Promise<() => void> {
    this.notifications ??= new PgListener(
      this.config.DATABASE_URL,
      new Logger('Notifications'),
      this.config.DB_CONNECT_TIMEOUT_MS,
    );
    return this.notifications.add(channel, handlers);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.notifications?.stop();
  }

  /** Each pool's size and use now; a pool not opened (yet) shows its size and 0 in use. */
  inUse(): PoolsInUse {
    const pg = (name: PgPoolName): PoolUse => {
      const pool = this.pools.get(name);
      return { max: this.sizes[name], inUse: pool ? pool.totalCount - pool.idleCount : 0 };
    };
    return {
      orm: { max: this.sizes.orm, inUse: this.ormInUse() },
      read: pg('read'),
      session: pg('session'),
      outbox: pg('outbox'),
      notify: pg('notify'),
      idempotency: pg('idempotency'),
      live: pg('live'),
      listeners: this.sizes.listeners,
      total: this.sizes.total,
    };
  }

  /** Each pool's connections now (a pool not opened, or closed, shows its size and zeros); LISTEN connections are not pools. */
  stats(): Record<'orm' | PgPoolName, PoolStats> {
    const pg = (name: PgPoolName): PoolStats => {
      const pool = this.pools.get(name);
      if (!pool) return { max: this.sizes[name], total: 0, idle: 0, inUse: 0, waiting: 0 };
      const { totalCount: total, idleCount: idle, waitingCount: waiting } = pool;
      return { max: this.sizes[name], total, idle, inUse: total - idle, waiting };
    };
    const tarn = this.ormPool();
    const used = tarn?.numUsed() ?? 0;
    const free = tarn?.numFree() ?? 0;
    return {
      orm: {
        max: this.sizes.orm,
        total: used + free,
        idle: free,
        inUse: used,
        waiting: tarn?.numPendingAcquires() ?? 0,
      },
      read: pg('read'),
      session: pg('session'),
      outbox: pg('outbox'),
      notify: pg('notify'),
      idempotency: pg('idempotency'),
      live: pg('live'),
    };
  }

  private ormInUse(): number {
    return this.ormPool()?.numUsed() ?? 0;
  }

  private ormPool(): TarnLike | undefined {
    try {
      const em = this.moduleRef.get(MikroORM, { strict: false }).em as unknown as EntityManager;
      const knex = em.getConnection().getKnex() as unknown as { client: { pool?: TarnLike } };
      return knex.client.pool ?? undefined;
    } catch {
      return undefined;
    }
  }
}
