import { Sql, sql } from '../../../platform/database/sql';

/**
 * Every statement of the stats module. The tables are written by the triggers on `tickets` only
 * (Migration20261228000000TicketStats); these statements read them.
 */

/**
 * Opened and closed per local date in `tz`, from the caller's quarter hours: `day` is 1 for `from`,
 * up to `days`. The local midnights are computed once (days + 1 time-zone conversions) and each
 * quarter hour finds its date by binary search among them (`width_bucket`), which took a fifth of
 * the time of converting every quarter hour to local time.
 */
export function openedClosedByDay(userId: string, tz: string, from: string, days: number): Sql {
  return sql`with m as (
      select array_agg(((${from}::date + i)::timestamp at time zone ${tz}) order by i) as midnights
        from generate_series(0, ${days}::int) i)
    select width_bucket(q.bucket, m.midnights) as day, sum(q.opened)::int as opened, sum(q.closed)::int as closed
      from m, ticket_stats_quarters q
     where q.user_id = ${userId} and q.bucket >= m.midnights[1] and q.bucket < m.midnights[${days}::int + 1]
     group by 1`;
}

/** The caller's tickets that are not closed, by priority. */
export function openByPriority(userId: string): Sql {
  return sql`select priority, open from ticket_stats_open where user_id = ${userId}`;
}

/** The median time to close in seconds of the caller's tickets closed between two local dates in `tz`. */
export function medianSecondsToClose(userId: string, tz: string, from: string, toExclusive: string): Sql {
  return sql`select percentile_cont(0.5) within group (order by seconds) as seconds
    from ticket_stats_closes
   where user_id = ${userId}
     and closed_at >= (${from}::timestamp at time zone ${tz}) and closed_at < (${toExclusive}::timestamp at time zone ${tz})`;
}

/** Every time zone name PostgreSQL knows. */
export function timeZoneNames(): Sql {
  return sql`select name from pg_timezone_names`;
}
