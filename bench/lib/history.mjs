// Issue 14's speed, part one: the first page of a ticket's history with many changes, baseline
// against app (the streams are in live.mjs).
import { args, dbUrl, log, withClient } from './context.mjs';
import { measureLatency } from './latency.mjs';
import { drainOutbox } from './phases.mjs';
import { bearer } from './scenarios.mjs';
import { cannon } from './throughput.mjs';

const HISTORY_TICKETS = 5;
const HISTORY_CHANGES = 200;
/** Changes made through the API per history ticket; the others copy the app's last two rows. */
const HISTORY_API_CHANGES = 4;
export const HISTORY_LABEL = `GET ticket history (${HISTORY_CHANGES} changes)`;

const json = (res) => (res.ok ? res.json() : res.text().then((t) => Promise.reject(new Error(`${res.status} ${t}`))));
/** JSON with sorted keys: the same answer whatever order its fields were written in. */
const canonical = (v) =>
  Array.isArray(v)
    ? `[${v.map(canonical).join(',')}]`
    : v && typeof v === 'object'
      ? `{${Object.keys(v)
          .sort()
          .map((k) => `${JSON.stringify(k)}:${canonical(v[k])}`)
          .join(',')}}`
      : JSON.stringify(v);

/**
 * The rest of a history ticket's changes, set-based: the app's last two `ticket.updated` rows (high
 * → low, low → high) copied alternately, each with the next version and a later time, already
 * delivered (`done`) as the dispatcher leaves them; the ticket takes the last version. 200 PATCHes
 * through the API take 6 s per ticket here (≈ 30 ms each, one after the other: each needs the
 * version the last answered), which the smoke run cannot afford.
 */
const copyChanges = (ticketId, version, count) =>
  withClient(dbUrl, (c) =>
    c.query(
      `with last as (
         select name, payload, actor_id, audience, subject_id, occurred_at,
                row_number() over (order by tx desc, seq desc) as r
           from outbox_events where subject_id = $1 and name = 'ticket.updated' order by tx desc, seq desc limit 2),
       t0 as (select max(occurred_at) as at from last),
       copies as (
         insert into outbox_events (id, name, payload, actor_id, occurred_at, status, attempts, next_attempt_at, processed_at, audience, subject_id)
         select gen_random_uuid(), l.name,
                jsonb_set(jsonb_set(l.payload, '{ticket,version}', to_jsonb($2::int + g)), '{ticket,updatedAt}',
                          to_jsonb(to_char((t0.at + g * interval '1 millisecond') at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'))),
                l.actor_id, t0.at + g * interval '1 millisecond', 'done', 1, t0.at + g * interval '1 millisecond',
                t0.at + g * interval '1 millisecond', l.audience, l.subject_id
           from generate_series(1, $3::int) g cross join t0
           join last l on l.r = case when g % 2 = 1 then 2 else 1 end
         returning occurred_at)
       update tickets set version = $2::int + $3::int, updated_at = (select max(occurred_at) from copies) where id = $1`,
      [ticketId, version, count],
    ),
  );

/**
 * HISTORY_TICKETS fresh tickets with HISTORY_CHANGES changes each: HISTORY_API_CHANGES through
 * `PATCH /api/tickets/:id` (the priority, low and high in turn, with the version last answered),
 * the rest copies of the rows those wrote (copyChanges). A history is then one `ticket.created`
 * and HISTORY_CHANGES `ticket.updated` rows of the log, as the app writes them.
 */
export async function historyFixtures(appUrl, fx) {
  const started = Date.now();
  const tickets = await Promise.all(
    fx.forCreate.slice(0, HISTORY_TICKETS).map(async (f, n) => {
      const headers = bearer(f.user);
      let t = await json(
        await fetch(`${appUrl}/api/tickets`, {
          method: 'POST',
          headers,
          body: JSON.stringify({
            title: `History bench ${n}: printer queue stalls every morning`,
            customerId: f.customerId,
            assigneeId: f.assigneeId,
            type: 'incident',
            priority: 'normal',
            topic: 'technical',
          }),
        }),
      );
      for (let k = 0; k < HISTORY_API_CHANGES; k++)
        t = await json(
          await fetch(`${appUrl}/api/tickets/${t.id}`, {
            method: 'PATCH',
            headers,
            body: JSON.stringify({ version: t.version, priority: k % 2 ? 'high' : 'low' }),
          }),
        );
      await copyChanges(t.id, t.version, HISTORY_CHANGES - HISTORY_API_CHANGES);
      return { user: f.user, ticket: t.id };
    }),
  );
  log(
    `  history fixtures: ${tickets.length} tickets × ${HISTORY_CHANGES} changes (${HISTORY_API_CHANGES} through the API) in ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
  return tickets;
}

/**
 * The first page of a history (default size) in the open-loop latency run, baseline then app. The
 * baseline's answer is checked first to hold the same items as the app's.
 */
export async function measureHistory(baseUrl, appUrl, tickets, rss) {
  await drainOutbox();
  const t = tickets[0];
  const [a, b] = await Promise.all(
    [appUrl, baseUrl].map(async (url) =>
      json(await fetch(`${url}/api/tickets/${t.ticket}/history`, { headers: bearer(t.user) })),
    ),
  );
  if (canonical(a.items) !== canonical(b.items) || !a.nextCursor !== !b.nextCursor)
    throw new Error(`the baseline's history differs from the app's:\n${JSON.stringify(b)}\n${JSON.stringify(a)}`);
  let i = 0;
  const requests = [
    {
      method: 'GET',
      setupRequest: (req) => {
        const h = tickets[i++ % tickets.length];
        return { ...req, path: `/api/tickets/${h.ticket}/history`, headers: bearer(h.user) };
      },
    },
  ];
  if (args.warmup > 0)
    for (const url of [baseUrl, appUrl])
      await cannon(url, { requests, connections: args.connections, duration: Math.min(2, args.warmup) });
  return measureLatency('history', HISTORY_LABEL, baseUrl, appUrl, requests, args.latencyRate, rss);
}
