import { afterPosition, keysetOrder } from '../../../platform/database/keyset';
import { containsIgnoringCase } from '../../../platform/database/like';
import { defineTable, Sql, sql } from '../../../platform/database/sql';
import type { KeysetPosition } from '../../../platform/pagination/cursor';

/** Every statement of the identity module that is not the unit of work's. */

export const USERS = defineTable('users', {
  id: 'uuid',
  email: 'text',
  username: 'text',
  password_hash: 'text',
  created_at: 'timestamptz',
});

export const API_TOKENS = defineTable('api_tokens', {
  id: 'uuid',
  user_id: 'uuid',
  name: 'text',
  token_hash: 'text',
  created_at: 'timestamptz',
  last_used_at: 'timestamptz',
});

export const LOGIN_THROTTLE = defineTable('login_throttle', {
  key: 'text',
  failures: 'int',
  window_started_at: 'timestamptz',
});

/** express-session's layout (connect-pg-simple): `sess` holds the user id and the cookie, `expire` is without time zone. */
export const SESSION = defineTable('session', {
  sid: 'varchar',
  sess: 'json',
  expire: 'timestamp',
});

/** What lists and names show of a user. */
export const SUMMARY = USERS.pick('id', 'username');

// ---- users

/** Whether the email, or the username ignoring case, is already taken (columns email_taken, username_taken). */
export const signupClash = (email: string, username: string): Sql =>
  sql`select exists(select 1 from users where email = ${email}) as email_taken,
             exists(select 1 from users where lower(username) = lower(${username})) as username_taken`;

export const userSummaries = (ids: string[]): Sql =>
  sql`select ${SUMMARY.columns()} from users where id = any(${ids}::uuid[])`;

/** Users other than the caller, newest first; `q` matches the username (never the email), ignoring case. */
export function otherUsersPage(callerId: string, q: string, after: KeysetPosition | null, take: number): Sql {
  return sql`select ${USERS.pick('id', 'username', 'created_at').columns()} from users
        where id <> ${callerId}${q ? sql` and lower(username) like ${containsIgnoringCase(q)}` : sql.empty}${afterPosition(after)} ${keysetOrder()} limit ${take}`;
}

// ---- api tokens

/**
 * The token with this hash (id, user_id), recording when it was last used at most once a minute:
 * a read-only request must not turn into a row write, and a row lock, every time.
 */
export const tokenByHash = (hash: string): Sql =>
  sql`with t as (select id, user_id, last_used_at from api_tokens where token_hash = ${hash}),
           touched as (update api_tokens a set last_used_at = now() from t
                        where a.id = t.id and (t.last_used_at is null or t.last_used_at < now() - interval '60 seconds'))
      select id, user_id from t`;

/**
 * Deletes the user's token and announces it on `channel` (payload: the token id), one statement:
 * the NOTIFY is delivered when the deletion commits, and only if a row was deleted. Answers the deleted id.
 */
export const revokeTokenAndNotify = (userId: string, tokenId: string, channel: string): Sql =>
  sql`with deleted as (delete from api_tokens where id = ${tokenId} and user_id = ${userId} returning id)
      select id, pg_notify(${channel}, id::text) from deleted`;

// ---- login throttle

/**
 * One attempt slot in each counter (the account's first, then the IP's: every statement locks them
 * in that order, never in a cycle), in fixed windows of `windowSeconds`. Answers each counter's
 * failures, its window start as text (microseconds kept) and the seconds left in its window.
 */
export const reserveAttempts = (accountKey: string, ipKey: string, windowSeconds: number): Sql =>
  sql`insert into login_throttle as t (key, failures, window_started_at) values (${accountKey}, 1, now()), (${ipKey}, 1, now())
      on conflict (key) do update set
        failures = case when t.window_started_at <= now() - make_interval(secs => ${windowSeconds}) then 1 else t.failures + 1 end,
        window_started_at = case when t.window_started_at <= now() - make_interval(secs => ${windowSeconds}) then now() else t.window_started_at end
      returning key, failures, window_started_at::text as window_started_at,
        ceil(extract(epoch from (window_started_at + make_interval(secs => ${windowSeconds})) - now()))::int as retry_after`;

export const clearCounter = (key: string): Sql => sql`delete from login_throttle where key = ${key}`;

/** Gives one slot back, only in the window it was taken in (one row per statement: see LoginThrottleService). */
export const giveBackSlot = (key: string, windowStartedAt: string | undefined): Sql =>
  sql`update login_throttle set failures = greatest(failures - 1, 0) where key = ${key} and window_started_at = ${windowStartedAt}::timestamptz`;

// ---- sessions (quoted as connect-pg-simple wrote them)

export const liveSessionUser = (sid: string): Sql =>
  sql`select "sess"->>'userId' as user_id from "session" where "sid" = ${sid} and "expire" > now()`;

/** A session row; `expiresAt` in seconds since the epoch. */
export const insertSession = (sid: string, sess: string, expiresAt: number): Sql =>
  sql`insert into "session" ("sid", "sess", "expire") values (${sid}, ${sess}, to_timestamp(${expiresAt}))`;

export const deleteSession = (sid: string): Sql => sql`delete from "session" where "sid" = ${sid}`;

export const pruneExpiredSessions = sql`delete from "session" where "expire" < now()`;
