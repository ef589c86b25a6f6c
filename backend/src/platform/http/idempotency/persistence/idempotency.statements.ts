import { Sql, sql } from '../../../database/sql';

/** The statements of the Idempotency-Key store (ADR 0010). */

/** The answers of keys this old are forgotten: a request with such a key runs again. */
export const KEEP_HOURS = 24;

/**
 * Claims a caller's key as running, atomically across instances: a new key is inserted; a key
 * whose row is older than the retention is taken over as if new; any other existing key is left
 * alone and the statement answers no row.
 */
export const claimKey = (userId: string, key: string, requestHash: string): Sql =>
  sql`insert into idempotency_keys (user_id, key, request_hash) values (${userId}::uuid, ${key}, ${requestHash})
    on conflict (user_id, key) do update
      set request_hash = excluded.request_hash, state = 'running', response_status = null, response_body = null, location = null, created_at = now(), completed_at = null
      where idempotency_keys.created_at < now() - make_interval(hours => ${KEEP_HOURS})
    returning true as claimed`;

/** The key as another request left it (its answer as text, sent as it was), with its age by the database's clock. */
export const selectKey = (userId: string, key: string): Sql =>
  sql`select request_hash, state, response_status, response_body::text as response_body, location, extract(epoch from now() - created_at)::float8 as age_seconds
    from idempotency_keys where user_id = ${userId}::uuid and key = ${key} and created_at >= now() - make_interval(hours => ${KEEP_HOURS})`;

/** The first answer, recorded once the operation has succeeded. */
export const recordAnswer = (userId: string, key: string, status: number, body: string, location: string | null): Sql =>
  sql`update idempotency_keys set state = 'done', response_status = ${status}, response_body = ${body}::json, location = ${location}, completed_at = now()
    where user_id = ${userId}::uuid and key = ${key} and state = 'running'`;

/** Gives a running claim back (the operation failed and changed nothing): the key may be used again. */
export const releaseKey = (userId: string, key: string): Sql =>
  sql`delete from idempotency_keys where user_id = ${userId}::uuid and key = ${key} and state = 'running'`;

/** Forgets every key older than the retention. */
export const purgeExpiredKeys = (): Sql => sql`delete from idempotency_keys where created_at < now() - make_interval(hours => ${KEEP_HOURS})`;
