// Tickets and comments on both connections, with their secondary indexes rebuilt afterwards.
import { sqlId } from './ids.mjs';
import { h, pick } from './sql.mjs';
import { COMMENTS, CONTEXTS, PROBLEMS, SENTENCES, THINGS } from './vocabulary.mjs';

/** The tickets and comments at scale `s` (connections `a` and `b`), then vacuum and analyze; `lap` logs a step. */
export async function seedTicketsAndComments(a, b, s, baseLit, lap) {
  const U = s.users;
  const perOwner = s.customers / U;
  // Drop the secondary indexes of the two big tables; rebuilt from their own definitions below.
  const { rows: indexes } = await a.query(
    `select indexname, indexdef from pg_indexes
      where schemaname = current_schema() and tablename in ('tickets', 'ticket_comments')
        and indexname not in (select conname from pg_constraint)`,
  );
  for (const ix of indexes) await a.query(`drop index if exists "${ix.indexname}"`);

  const T = s.tickets;
  const creator = `(i % ${U})`;
  const assignee = `((i % ${U}) + 1 + ${h('i', 5)} % ${U - 1}) % ${U}`;
  const created = `(${baseLit} - (${T} - i) * interval '${Math.floor(((365 * 86400) / T) * 1000)} milliseconds' - interval '1 hour')`;
  const customer = sqlId('customer', `${creator} + ${U} * (${h('i', 6)} % ${perOwner})`);
  // customer_search: what the tickets' insert trigger (off while loading) would have read.
  const ticketsSql = (lo, hi) =>
    `insert into tickets (id, creator_id, assignee_id, customer_id, title, description, type, priority, topic, status, photo_url, version, created_at, updated_at, closed_at, customer_search)
     select ${sqlId('ticket', 'i')}, ${sqlId('user', creator)}, ${sqlId('user', assignee)}, ${customer},
            ${pick(PROBLEMS, 'i', 7)} || ' ' || ${pick(THINGS, 'i', 8)} || ' ' || ${pick(CONTEXTS, 'i', 9)},
            ${pick(SENTENCES, 'i', 10)} || ' ' || ${pick(SENTENCES, 'i', 11)} || case when i % 3 = 0 then ' ' || ${pick(SENTENCES, 'i', 12)} else '' end,
            (array['question','incident','problem','task'])[1 + ${h('i', 13)} % 4],
            (array['low','normal','normal','high','urgent'])[1 + ${h('i', 14)} % 5],
            (array['general','billing','technical','account','office_supplies','facilities','hr','other'])[1 + ${h('i', 15)} % 8],
            st, case when i % 50 = 0 then 'https://files.example/photos/' || i || '.jpg' end,
            case when st = 'open' then 1 else 2 end, ca, ca + interval '10 minutes',
            case when st = 'closed' then ca + interval '2 hours' end,
            (select tickets_customer_words(c.name, c.email) from customers c where c.id = ${customer})
     from generate_series(${lo}, ${hi}) i,
          lateral (select ${created} as ca, case when ${h('i', 16)} % 10 < 6 then 'open' when ${h('i', 16)} % 10 < 8 then 'pending' else 'closed' end as st) x`;
  const M = s.comments;
  const commentsSql = (lo, hi) =>
    `insert into ticket_comments (id, ticket_id, author_id, body, created_at)
     select ${sqlId('comment', 'j')}, ${sqlId('ticket', 'i')},
            case when j % 2 = 0 then ${sqlId('user', creator)} else ${sqlId('user', assignee)} end,
            ${pick(COMMENTS, 'j', 17)}, ${created} + ((j - 1) / ${T} + 1) * interval '7 minutes'
     from generate_series(${lo}, ${hi}) j, lateral (select ((j - 1) % ${T}) + 1 as i) x`;
  // Both cores load half of the tickets; then one builds the tickets' indexes (the GIN index is
  // the longest job) while the other loads the comments and builds their index.
  const halfT = Math.floor(T / 2);
  const create = async (db, list) => {
    for (const ix of list) await db.query(ix.indexdef);
  };
  await Promise.all([a.query(ticketsSql(1, halfT)), b.query(ticketsSql(halfT + 1, T))]);
  lap(`${T} tickets`);
  const ticketIndexes = indexes.filter((ix) => /\bon\s+(\S+\.)?"?tickets"?\s/i.test(ix.indexdef));
  const commentIndexes = indexes.filter((ix) => !ticketIndexes.includes(ix));
  await Promise.all([
    create(a, ticketIndexes).then(() => lap(`rebuilt ${ticketIndexes.length} ticket indexes`)),
    (async () => {
      await b.query(commentsSql(1, M));
      lap(`${M} comments`);
      await create(b, commentIndexes);
      lap(`rebuilt ${commentIndexes.length} comment indexes`);
    })(),
  ]);
  // The loading sessions skip triggers (session_replication_role), so the dashboard's rollups and
  // the overdue scheduler's state, which triggers on tickets keep, are computed once from the loaded rows.
  await a.query('select ticket_stats_rebuild()');
  await a.query('select ticket_overdue_rebuild()');
  lap('dashboard rollups and overdue state');
  await Promise.all([a.query('vacuum (analyze) tickets'), b.query('vacuum (analyze) ticket_comments')]);
  await a.query('vacuum (analyze) ticket_stats_quarters, ticket_stats_open, ticket_stats_closes');
  await a.query('analyze users; analyze customers; analyze api_tokens; analyze macros; analyze triggers');
  lap('vacuum analyze');
}
