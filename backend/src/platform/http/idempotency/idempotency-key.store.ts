import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown, Optional } from '@nestjs/common';
import { Pool } from 'pg';
import { AppConfig } from '../../../config/app-config';
import { QUERY_LOG, QueryLog } from '../../database/read-pool';
import { pgRunner, SqlRunner } from '../../database/sql';
import { claimKey, purgeExpiredKeys, recordAnswer, releaseKey, selectKey } from './persistence/idempotency.statements';

/** Expired keys are deleted this often (each instance; the statement is idempotent). */
const PURGE_EVERY_MS = 15 * 60 * 1000;
/** A running claim older than this is taken for abandoned (its instance died) rather than in progress. */
export const LEASE_SECONDS = 60;

/** The answer recorded for a key, replayed to a retry. */
export interface RecordedAnswer {
  status: number;
  body: string;
  location: string | null;
}

/** What a claim found: the key is ours now, or another request holds it. */
export type Claim =
  | { kind: 'claimed' }
  | { kind: 'done'; sameRequest: boolean; answer: RecordedAnswer }
  | { kind: 'running'; sameRequest: boolean; abandoned: boolean };

interface KeyRow {
  request_hash: string;
  state: 'running' | 'done';
  response_status: number | null;
  response_body: string | null;
  location: string | null;
  age_seconds: number;
}

/**
 * The keys of `Idempotency-Key` requests in PostgreSQL (ADR 0010), on a small pool of its own whose
 * sessions commit asynchronously (`synchronous_commit = off`): a claim reaches the disk at the
 * latest with the operation's own commit, which comes after it in the WAL, and a recorded answer
 * lost to a database crash leaves a running claim, which refuses retries rather than running them twice.
 */
@Injectable()
export class IdempotencyKeyStore implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(IdempotencyKeyStore.name);
  private readonly pool: Pool;
  private readonly db: SqlRunner;
  private purgeTimer?: NodeJS.Timeout;

  constructor(config: AppConfig, @Optional() @Inject(QUERY_LOG) log?: QueryLog) {
    this.pool = new Pool({ connectionString: config.DATABASE_URL, max: config.IDEMPOTENCY_POOL_MAX, connectionTimeoutMillis: 3000, options: '-c synchronous_commit=off' });
    this.pool.on('error', (error) => this.logger.warn(`idle idempotency-key connection lost: ${error.message}`));
    this.db = pgRunner(this.pool, log, 'idempotency keys');
  }

  onApplicationBootstrap(): void {
    this.purgeTimer = setInterval(() => void this.purge(), PURGE_EVERY_MS);
    this.purgeTimer.unref();
  }

  /** Claims the caller's key for this request, or says who holds it. A key released meanwhile is claimed again. */
  async claim(userId: string, key: string, requestHash: string): Promise<Claim> {
    for (let attempt = 0; ; attempt++) {
      if ((await this.db.query(claimKey(userId, key, requestHash))).length > 0) return { kind: 'claimed' };
      const [row] = await this.db.query<KeyRow>(selectKey(userId, key));
      if (!row) {
        // Released (or expired) between the two statements: claim again; a key that keeps changing hands is busy.
        if (attempt < 2) continue;
        return { kind: 'running', sameRequest: true, abandoned: false };
      }
      const sameRequest = row.request_hash === requestHash;
      if (row.state === 'done' && row.response_body !== null) {
        return { kind: 'done', sameRequest, answer: { status: row.response_status ?? 200, body: row.response_body, location: row.location } };
      }
      return { kind: 'running', sameRequest, abandoned: row.age_seconds > LEASE_SECONDS };
    }
  }

  /** Records the first answer; a failure is logged and leaves the claim running (retries are refused, never run twice). */
  async record(userId: string, key: string, answer: RecordedAnswer): Promise<void> {
    try {
      await this.db.query(recordAnswer(userId, key, answer.status, answer.body, answer.location));
    } catch (error) {
      this.logger.warn(`could not record the answer of an Idempotency-Key request: ${(error as Error).message}`);
    }
  }

  /** Gives the claim back after an error answer; a failure leaves it running (see record). */
  async release(userId: string, key: string): Promise<void> {
    try {
      await this.db.query(releaseKey(userId, key));
    } catch (error) {
      this.logger.warn(`could not release an Idempotency-Key claim: ${(error as Error).message}`);
    }
  }

  async purge(): Promise<void> {
    try {
      await this.db.query(purgeExpiredKeys());
    } catch (error) {
      this.logger.warn(`idempotency-key purge failed: ${(error as Error).message}`);
    }
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.purgeTimer);
    if (!this.pool.ending) await this.pool.end();
  }
}
