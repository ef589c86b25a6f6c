import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { Pool } from 'pg';
import { DatabasePools } from '../../../platform/database/pools';
import { ormRunner, pgRunner, SqlRunner } from '../../../platform/database/sql';
import { DomainError } from '../../../platform/errors/domain-error';
import {
  deleteSession,
  insertSession,
  liveSessionUser,
  pruneExpiredSessions,
} from '../persistence/identity.statements';

/** Expired sessions are deleted this often (each instance; the statement is idempotent). */
const PRUNE_EVERY_MS = 15 * 60 * 1000;

/** The session store could not be read or written (PostgreSQL down, restarting): the client may retry. */
export class SessionStoreUnavailableError extends DomainError {
  readonly code = 'SERVICE_UNAVAILABLE';
  readonly status = 503;
  constructor(cause: unknown) {
    super('The session store is unavailable; try again shortly.');
    this.cause = cause;
  }
}

export interface SessionCookie {
  httpOnly: boolean;
  secure: boolean;
  sameSite: 'lax' | 'strict' | 'none';
  path: string;
}

/** A session to store. `replaces`: the session the request carried, destroyed by the same write. */
export interface NewSession {
  sid: string;
  userId: string;
  expires: Date;
  cookie: SessionCookie;
  replaces?: string;
}

/**
 * Server-side sessions in PostgreSQL (`session`: sid, sess json, expire), so any instance serves
 * any user. The row layout is express-session's (connect-pg-simple), so sessions written by
 * earlier versions stay valid. Its own small pool: a burst of logins does not queue behind the
 * ORM's work, nor the other way round (SESSION_POOL_MAX connections, SESSION_POOL_CONNECT_TIMEOUT_MS
 * to get one). Every failure is a SessionStoreUnavailableError (503). A sign-up stores its session
 * in its own ORM transaction instead (`createIn`), so the user row and the session commit together.
 */
@Injectable()
export class SessionStore implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(SessionStore.name);
  private readonly pool: Pool;
  private readonly db: SqlRunner;
  private pruneTimer?: NodeJS.Timeout;

  constructor(pools: DatabasePools) {
    this.pool = pools.open('session', this.logger);
    this.db = pgRunner(this.pool);
  }

  onApplicationBootstrap(): void {
    this.pruneTimer = setInterval(() => {
      this.db
        .query(pruneExpiredSessions)
        .catch((error: unknown) => this.logger.warn({ err: error }, 'could not prune expired sessions'));
    }, PRUNE_EVERY_MS);
    this.pruneTimer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.pruneTimer);
    await this.pool.end().catch(() => undefined);
  }

  /** The user of a live session, or null when it does not exist or has expired. */
  async userIdOf(sid: string): Promise<string | null> {
    const rows = await this.run(() => this.db.query<{ user_id: string | null }>(liveSessionUser(sid)));
    return rows[0]?.user_id ?? null;
  }

  /** Stores a new session (and destroys the one it replaces). */
  async create(session: NewSession): Promise<void> {
    if (session.replaces) await this.destroy(session.replaces);
    await this.run(() => this.db.query(insertSession(...row(session))));
  }

  /** The same as `create`, in the caller's ORM transaction: it commits or rolls back with the caller's writes. */
  async createIn(em: EntityManager, session: NewSession): Promise<void> {
    const db = ormRunner(em);
    if (session.replaces) await db.query(deleteSession(session.replaces));
    await db.query(insertSession(...row(session)));
  }

  async destroy(sid: string): Promise<void> {
    await this.run(() => this.db.query(deleteSession(sid)));
  }

  private async run<T>(statement: () => Promise<T>): Promise<T> {
    try {
      return await statement();
    } catch (error) {
      throw new SessionStoreUnavailableError(error);
    }
  }
}

/** The row's values: `cookie` is kept beside the user id as express-session kept it. */
function row({ sid, userId, expires, cookie }: NewSession): [string, string, number] {
  const sess = {
    cookie: { originalMaxAge: expires.getTime() - Date.now(), expires: expires.toISOString(), ...cookie },
    userId,
  };
  return [sid, JSON.stringify(sess), expires.getTime() / 1000];
}
