import { Sql, sql } from '../../../database/sql';

/** The statements of the Idempotency-Key store (ADR 0010). */

/** The answers of keys this old are forgotten: a request with such a key runs again. */
export const KEEP_HOURS = 24;

/** A key a request wants to claim. */
export interface KeyClaim {
  userId: string;
  key: string;
  requestHash: string;
}

/**
 * Claims callers' keys as running, atomically across instances, for a batch of requests (each
 * (caller, key) at most once): a new key is inserted; a key whose row is older than the retention
 * is taken over as if new; any other existing key is left alone. Answers the keys it claimed.
 */
export const claimKeys = (claims: readonly KeyClaim[]): Sql =>
  sql`insert into idempotency_keys (user_id, key, request_hash)
    select * from unnest(${claims.map((c) => c.userId)}::uuid[], ${claims.map((c) => c.key)}::text[], ${claims.map((c) => c.requestHash)}::text[])
    on conflict (user_id, key) do update
      set request_hash = excluded.request_hash, state = 'running', response_status = null, response_body = null, location = null, created_at = now(), completed_at = null
      where idempotency_keys.created_at < now() - make_interval(hours => ${KEEP_HOURS})
    returning user_id, key`;

/** The key as another request left it (its answer as text, sent as it was), with its age by the database's clock. */
export const selectKey = (userId: string, key: string): Sql =>
  sql`select request_hash, state, response_status, response_body::text as response_body, location, extract(epoch from now() - created_at)::float8 as age_seconds
    from idempotency_keys where user_id = ${userId}::uuid and key = ${key} and created_at >= now() - make_interval(hours => ${KEEP_HOURS})`;

/** The first answer of a request, recorded once the operation has succeeded. */
export interface KeyAnswer {
  userId: string;
  key: string;
  status: number;
  body: string;
  location: string | null;
}

/** Records the first answers of a batch of requests (each the holder of its running claim). */
export const recordAnswers = (answers: readonly KeyAnswer[]): Sql =>
  sql`update idempotency_keys k set state = 'done', response_status = a.status, response_body = a.body::json, location = a.location, completed_at = now()
    from unnest(${answers.map((a) => a.userId)}::uuid[], ${answers.map((a) => a.key)}::text[], ${answers.map((a) => a.status)}::int[], ${answers.map((a) => a.body)}::text[], ${answers.map((a) => a.location)}::text[]) as a(user_id, key, status, body, location)
    where k.user_id = a.user_id and k.key = a.key and k.state = 'running'`;

/** Gives a running claim back (the operation failed and changed nothing): the key may be used again. */
export const releaseKey = (userId: string, key: string): Sql =>
  sql`delete from idempotency_keys where user_id = ${userId}::uuid and key = ${key} and state = 'running'`;

/** Forgets every key older than the retention. */
export const purgeExpiredKeys = (): Sql =>
  sql`delete from idempotency_keys where created_at < now() - make_interval(hours => ${KEEP_HOURS})`;
