// The dashboard bench's user (issue 16): a bench user of its own with 100,000 tickets over the last
// year, written with plain SQL (the triggers on tickets keep its rollups as they would for the API).
// Its rows use bench ids beyond every scale's range, so `--reset` removes them with the others, and
// it is its own creator and assignee, so no other bench user's boxes change.
import { benchId, sqlId } from '../../tools/seed-scale/ids.mjs';

export const STATS_USER = 0xfffff;
export const STATS_TICKETS = 100_000;
const FIRST_TICKET = 0x10000000;

export const statsToken = () => `bw_bench_${STATS_USER}`;

/** Adds the user, its token, a customer and its tickets unless they are there; returns the seconds the tickets took. */
export async function addStatsUser(c) {
  const user = benchId('user', STATS_USER);
  const there = (await c.query(`select count(*)::int as n from tickets where creator_id = $1`, [user])).rows[0].n;
  if (there === STATS_TICKETS) return null;
  await removeStatsUser(c);
  await c.query(
    `insert into users (id, email, username, password_hash) values ($1, 'bench.stats@bench.example', 'bench.stats', 'x')`,
    [user],
  );
  await c.query(
    `insert into api_tokens (id, user_id, name, token_hash) values ($1, $2, 'bench', encode(sha256(convert_to($3, 'UTF8')), 'hex'))`,
    [benchId('token', STATS_USER), user, statsToken()],
  );
  const customer = benchId('customer', STATS_USER);
  await c.query(
    `insert into customers (id, owner_id, name, email) values ($1, $2, 'Stats Customer', 'stats@bench.example')`,
    [customer, user],
  );
  const t0 = performance.now();
  // Every 315 s over the year; 20% closed after 0 to 499 minutes, 20% pending, the rest open.
  await c.query(
    `insert into tickets (id, creator_id, assignee_id, customer_id, title, type, priority, topic, status, created_at, updated_at, closed_at)
     select ${sqlId('ticket', `${FIRST_TICKET} + i`)}, $1, $1, $2, 'Dashboard ticket ' || i, 'task',
            (array['low','normal','high','urgent'])[1 + i % 4], 'general',
            case when i % 5 = 0 then 'closed' when i % 5 = 1 then 'pending' else 'open' end,
            now() - i * interval '315 seconds', now() - i * interval '315 seconds',
            case when i % 5 = 0 then now() - i * interval '315 seconds' + (i % 500) * interval '1 minute' end
       from generate_series(1, ${STATS_TICKETS}) i`,
    [user, customer],
  );
  const seconds = (performance.now() - t0) / 1000;
  // tickets too: with the planner's figures from before these 100,000 rows, it can read the
  // dashboard's overdue count through the other party's index (1.4 s instead of 3 ms at large).
  await c.query('vacuum (analyze) tickets, ticket_stats_quarters, ticket_stats_open, ticket_stats_closes');
  return seconds;
}

export async function removeStatsUser(c) {
  const user = benchId('user', STATS_USER);
  await c.query(`delete from tickets where creator_id = $1 or assignee_id = $1`, [user]);
  await c.query(`delete from customers where owner_id = $1`, [user]);
  await c.query(`delete from api_tokens where user_id = $1`, [user]);
  await c.query(`delete from users where id = $1`, [user]);
}
