import type { StatsDto } from '@bw/sdk';
import type { Client } from 'pg';

/**
 * The dashboard's figures recounted from `tickets` alone, without the rollups: what `GET
 * /api/stats` must answer for `userId` over the local dates `from`..`to` in `tz`.
 */
export async function recountStats(
  db: Client,
  userId: string,
  from: string,
  to: string,
  tz: string,
): Promise<StatsDto> {
  const mine = `(creator_id = $1 or assignee_id = $1)`;
  const inRange = (column: string) => `(${column} at time zone $2)::date between $3::date and $4::date`;
  const params = [userId, tz, from, to];
  const { rows: days } = await db.query<{ date: string; opened: number; closed: number }>(
    `select to_char(d, 'YYYY-MM-DD') as date,
            (select count(*)::int from tickets where ${mine} and (created_at at time zone $2)::date = d) as opened,
            (select count(*)::int from tickets where ${mine} and status = 'closed' and (closed_at at time zone $2)::date = d) as closed
       from generate_series($3::date, $4::date, interval '1 day') d order by d`,
    params,
  );
  const { rows: open } = await db.query<{ priority: string; n: number }>(
    `select priority, count(*)::int as n from tickets where ${mine} and status <> 'closed' group by priority`,
    [userId],
  );
  const {
    rows: [median],
  } = await db.query<{ seconds: number | null }>(
    `select percentile_cont(0.5) within group (order by extract(epoch from closed_at - created_at)) as seconds
       from tickets where ${mine} and status = 'closed' and ${inRange('closed_at')}`,
    params,
  );
  const {
    rows: [overdue],
  } = await db.query<{ n: number }>(
    `select count(*)::int as n from tickets where ${mine} and status <> 'closed' and due_at <= now()`,
    [userId],
  );
  const byPriority = (p: string) => open.find((r) => r.priority === p)?.n ?? 0;
  return {
    days,
    open: {
      urgent: byPriority('urgent'),
      high: byPriority('high'),
      normal: byPriority('normal'),
      low: byPriority('low'),
    },
    overdue: overdue.n,
    medianMinutesToClose: median.seconds === null ? null : Math.round(median.seconds / 6) / 10,
  };
}
