import { Sql, sql } from '../../../platform/database/sql';

/**
 * Every statement of the stats module. The tables are written by the triggers on `tickets` only
 * (Migration20261228000000TicketStats); these statements read them.
 */

/** Opened and closed per local date in `tz` between two instants, from the caller's quarter hours. */
export function openedClosedByDay(userId: string, tz: string, from: string, toExclusive: string): Sql {
  return sql`select to_char(bucket at time zone ${tz}, 'YYYY-MM-DD') as date,
      sum(opened)::int as opened, sum(closed)::int as closed
    from ticket_stats_quarters
   where user_id = ${userId}
     and bucket >= (${from}::timestamp at time zone ${tz}) and bucket < (${toExclusive}::timestamp at time zone ${tz})
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
