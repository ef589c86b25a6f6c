// Issue 15: ten saved views per load user (the side list of /tickets), counted by GET /api/views/counts.
import { benchUserId } from '../../tools/seed-scale.mjs';
import { dbUrl, log, withClient } from './context.mjs';

/** The views: the list's filters alone and together, a box, a status, and a search (the heaviest count). */
export const BENCH_VIEWS = [
  { name: 'Everything', filters: {}, sort: 'newest' },
  { name: 'Open', filters: { status: 'open' }, sort: 'updated' },
  { name: 'Incoming open', filters: { box: 'incoming', status: 'open' }, sort: 'priority' },
  { name: 'Urgent', filters: { priority: ['urgent'] }, sort: 'newest' },
  { name: 'Urgent or high, open', filters: { priority: ['urgent', 'high'], status: 'open' }, sort: 'priority' },
  { name: 'Incidents', filters: { type: ['incident', 'problem'] }, sort: 'updated' },
  { name: 'Billing', filters: { topic: ['billing'] }, sort: 'newest' },
  { name: 'Low pending', filters: { box: 'outgoing', status: 'pending', priority: ['low'] }, sort: 'oldest' },
  { name: 'Printers', filters: { q: 'printer' }, sort: 'newest' },
  { name: 'Closed high', filters: { status: 'closed', priority: ['high'] }, sort: 'oldest' },
];

const viewId = (user, k) => `b7000000-0000-4000-8000-${(user * BENCH_VIEWS.length + k).toString(16).padStart(12, '0')}`;

/** Writes the views of `users` (idempotent: fixed ids, a rerun keeps them). */
export async function seedBenchViews(users) {
  await withClient(dbUrl, async (c) => {
    const rows = users.flatMap((u) => BENCH_VIEWS.map((v, k) => [viewId(u, k), benchUserId(u), v]));
    await c.query(
      `insert into saved_views (id, owner_id, name, filters, sort)
       select * from unnest($1::uuid[], $2::uuid[], $3::text[], $4::jsonb[], $5::text[]) on conflict do nothing`,
      [
        rows.map((r) => r[0]),
        rows.map((r) => r[1]),
        rows.map((r) => r[2].name),
        rows.map((r) => JSON.stringify(r[2].filters)),
        rows.map((r) => r[2].sort),
      ],
    );
  });
  log(`${BENCH_VIEWS.length} saved views for each of ${users.length} users`);
}
