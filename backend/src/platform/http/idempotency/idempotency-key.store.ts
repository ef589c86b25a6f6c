import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown, Optional } from '@nestjs/common';
import { Pool } from 'pg';
import { DatabasePools } from '../../database/pools';
import { QUERY_LOG, QueryLog } from '../../database/read-pool';
import { GroupCommit, ItemOutcome } from '../../batching/group-commit';
import { pgRunner, SqlRunner } from '../../database/sql';
import {
  claimKeys,
  KeyAnswer,
  KeyClaim,
  purgeExpiredKeys,
  recordAnswers,
  releaseKey,
  selectKey,
} from './persistence/idempotency.statements';

/** Claims (and answers) one statement takes, and such statements in progress at once per instance. */
const BATCH = { maxBatch: 64, maxInFlight: 2 };
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
 * Claims and answers that arrive together are written together (group commit, one statement for
 * up to 64 requests), as the ticket creations they accompany are.
 */
@Injectable()
export class IdempotencyKeyStore implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(IdempotencyKeyStore.name);
  private readonly pool: Pool;
  private readonly db: SqlRunner;
  private readonly claims: GroupCommit<KeyClaim, boolean>;
  private readonly answers: GroupCommit<KeyAnswer, true>;
  private purgeTimer?: NodeJS.Timeout;

  constructor(pools: DatabasePools, @Optional() @Inject(QUERY_LOG) log?: QueryLog) {
    this.pool = pools.open('idempotency', this.logger);
    this.db = pgRunner(this.pool, log, 'idempotency keys');
    this.claims = new GroupCommit((items) => this.claimMany(items), BATCH);
    this.answers = new GroupCommit(async (items) => {
      await this.db.query(recordAnswers(items));
      return items.map(() => ({ ok: true as const, value: true as const }));
    }, BATCH);
  }

  onApplicationBootstrap(): void {
    this.purgeTimer = setInterval(() => void this.purge(), PURGE_EVERY_MS);
    this.purgeTimer.unref();
  }

  /** Claims the caller's key for this request, or says who holds it. A key released meanwhile is claimed again. */
  async claim(userId: string, key: string, requestHash: string): Promise<Claim> {
    for (let attempt = 0; ; attempt++) {
      if (await this.claims.submit({ userId, key, requestHash })) return { kind: 'claimed' };
      const [row] = await this.db.query<KeyRow>(selectKey(userId, key));
      if (!row) {
        // Released (or expired) between the two statements: claim again; a key that keeps changing hands is busy.
        if (attempt < 2) continue;
        return { kind: 'running', sameRequest: true, abandoned: false };
      }
      const sameRequest = row.request_hash === requestHash;
      if (row.state === 'done' && row.response_body !== null) {
        return {
          kind: 'done',
          sameRequest,
          answer: { status: row.response_status ?? 200, body: row.response_body, location: row.location },
        };
      }
      return { kind: 'running', sameRequest, abandoned: row.age_seconds > LEASE_SECONDS };
    }
  }

  /** Records the first answer; a failure is logged and leaves the claim running (retries are refused, never run twice). */
  async record(userId: string, key: string, answer: RecordedAnswer): Promise<void> {
    try {
      await this.answers.submit({ userId, key, ...answer });
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

  /**
   * One statement for a batch of claims, in (caller, key) order so that two instances' batches
   * lock conflicting keys in the same order. A (caller, key) twice in one batch is claimed by its
   * first request; the others find it running.
   */
  private async claimMany(items: KeyClaim[]): Promise<ItemOutcome<boolean>[]> {
    const id = (c: KeyClaim) => `${c.userId} ${c.key}`;
    const firsts = new Map<string, KeyClaim>();
    for (const c of items) if (!firsts.has(id(c))) firsts.set(id(c), c);
    const ordered = [...firsts.values()].sort((a, b) => (id(a) < id(b) ? -1 : id(a) > id(b) ? 1 : 0));
    const claimed = new Set(
      (await this.db.query<{ user_id: string; key: string }>(claimKeys(ordered))).map(
        (row) => `${row.user_id} ${row.key}`,
      ),
    );
    const taken = new Set<string>();
    return items.map((c) => {
      const won = claimed.has(id(c)) && !taken.has(id(c));
      if (won) taken.add(id(c));
      return { ok: true, value: won };
    });
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
