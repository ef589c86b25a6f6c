// The demo user's saved views (seeded by demo-workspace.seeder.ts): the side list of /tickets.
import { DEMO_IDS, demoId as id } from './demo-workspace.data';
import type { SeedRun } from './seed-run';

/** Saved views (ids 81x), in the order they were saved (the list shows the newest first). */
export const DEMO_VIEWS = [
  { id: id(811), name: 'Urgent open', filters: { status: 'open', priority: ['urgent', 'high'] }, sort: 'priority' },
  { id: id(812), name: 'Waiting on customer', filters: { status: 'pending' }, sort: 'updated' },
  { id: id(813), name: 'Billing', filters: { topic: ['billing'] }, sort: 'newest' },
] as const;

/** Idempotent: fixed ids, `on conflict do nothing` (a view the demo user renamed or deleted stays so until the next reset). */
export async function seedDemoViews(run: SeedRun): Promise<void> {
  for (const [index, v] of DEMO_VIEWS.entries()) {
    await run(
      `insert into saved_views (id, owner_id, name, filters, sort, created_at, updated_at)
       values (?, ?, ?, ?::jsonb, ?, now() - make_interval(days => ?), now() - make_interval(days => ?)) on conflict do nothing`,
      [v.id, DEMO_IDS.demo, v.name, JSON.stringify(v.filters), v.sort, 10 - index, 10 - index],
    );
  }
}
