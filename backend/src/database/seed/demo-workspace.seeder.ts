import type { EntityManager } from '@mikro-orm/postgresql';
import { randomBytes } from 'node:crypto';
import { DEMO_USER, PasswordHasher } from '../../modules/identity';
import {
  DEMO_DUE_POLICY,
  DEMO_MACROS,
  DEMO_MESSAGES,
  DEMO_TRIGGERS,
  DEMO_WEBHOOK,
  COLLEAGUE_TRIGGERS,
} from './demo-workspace.automation';
import {
  COLLEAGUE_CUSTOMERS,
  DEMO_COLLEAGUES,
  DEMO_COMMENTS,
  DEMO_CUSTOMERS,
  DEMO_IDS,
  DEMO_TICKETS,
} from './demo-workspace.data';
import { DEMO_PAST_TICKETS } from './demo-workspace.dashboard';
import { seedDemoHistory } from './demo-workspace.history';
import { seedDemoViews } from './demo-workspace.views';
import type { SeedRun } from './seed-run';

/**
 * Seeds the demo workspace: the demo user (who logs in only through POST /api/auth/demo — its
 * password is random and never stored anywhere) and colleagues to assign tickets to. Each slice
 * adds its sample data here. Safe to run on every boot and from several instances at once: it is
 * one transaction behind an advisory lock, so instances booting together take turns (the later
 * one finds every row), and no other instance sees a demo ticket before its history (an overdue
 * scheduler elsewhere would otherwise publish the overdue ticket first and the history would skip it).
 */
export async function seedDemoWorkspace(em: EntityManager, hasher: PasswordHasher): Promise<void> {
  await em.fork().transactional(async (tx) => {
    const conn = tx.getConnection();
    const ctx = tx.getTransactionContext();
    const run: SeedRun = async <T>(query: string, params: unknown[] = []) =>
      (await conn.execute(query, params, 'all', ctx)) as T;
    await run(`select pg_advisory_xact_lock(hashtextextended('demo-workspace', 0))`);
    await seedInTransaction(run, hasher);
  });
}

async function seedInTransaction(run: SeedRun, hasher: PasswordHasher): Promise<void> {
  const users = [{ id: DEMO_IDS.demo, email: DEMO_USER.email, username: DEMO_USER.username }, ...DEMO_COLLEAGUES];
  const existing = await run<{ id: string }[]>(
    `select id from users where id in (?, ?, ?)`,
    users.map((u) => u.id),
  );
  const have = new Set(existing.map((r) => r.id));
  for (const user of users) {
    if (have.has(user.id)) continue;
    const hash = await hasher.hash(randomBytes(32).toString('base64url'));
    await run(
      `insert into users (id, email, username, password_hash, created_at) values (?, ?, ?, ?, now() - interval '30 days')
       on conflict do nothing`,
      [user.id, user.email, user.username, hash],
    );
  }

  for (const c of DEMO_CUSTOMERS) {
    await run(
      `insert into customers (id, owner_id, name, email, phone, company, notes, created_at, updated_at)
       values (?, ?, ?, ?, ?, ?, ?, now() - interval '20 days', now() - interval '20 days') on conflict do nothing`,
      [c.id, DEMO_IDS.demo, c.name, c.email, c.phone, c.company, c.notes],
    );
  }
  for (const c of COLLEAGUE_CUSTOMERS) {
    await run(
      `insert into customers (id, owner_id, name, email, company, created_at, updated_at)
       values (?, ?, ?, ?, ?, now() - interval '20 days', now() - interval '20 days') on conflict do nothing`,
      [c.id, c.ownerId, c.name, c.email, c.company],
    );
  }
  for (const t of DEMO_TICKETS) {
    await run(
      `insert into tickets (id, creator_id, assignee_id, customer_id, title, description, type, priority, topic, status, created_at, updated_at, closed_at, due_at)
       values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, now() - make_interval(days => ?, hours => 2), now() - make_interval(days => ?, hours => 2),
               case when ? = 'closed' then now() - make_interval(days => ?, hours => 2) + interval '4 hours' end,
               now() + make_interval(hours => ?::int))
       on conflict do nothing`,
      [
        t.id,
        t.creatorId,
        t.assigneeId,
        t.customerId,
        t.title,
        t.description,
        t.type,
        t.priority,
        t.topic,
        t.status,
        t.daysAgo,
        t.daysAgo,
        t.status,
        t.daysAgo,
        t.dueHours ?? null,
      ],
    );
  }
  // The past weeks' tickets for the dashboard; its rollups follow from the triggers on tickets.
  for (const t of DEMO_PAST_TICKETS) {
    await run(
      `insert into tickets (id, creator_id, assignee_id, customer_id, title, type, priority, topic, status, created_at, updated_at, closed_at)
       select ?, ?, ?, ?, ?, ?, ?, ?, case when ?::int is null then 'pending' else 'closed' end, at, coalesce(at + make_interval(mins => ?), at), at + make_interval(mins => ?)
         from (select date_trunc('day', now()) - make_interval(days => ?) + make_interval(hours => ?) as at) x
       on conflict do nothing`,
      [
        t.id,
        t.creatorId,
        t.assigneeId,
        t.customerId,
        t.title,
        t.type,
        t.priority,
        t.topic,
        t.minutesToClose,
        t.minutesToClose,
        t.minutesToClose,
        t.daysAgo,
        t.hour,
      ],
    );
  }
  await run(
    `insert into due_policies (user_id, urgent, high, normal, low) values (?, ?, ?, ?, ?) on conflict do nothing`,
    [DEMO_IDS.demo, DEMO_DUE_POLICY.urgent, DEMO_DUE_POLICY.high, DEMO_DUE_POLICY.normal, DEMO_DUE_POLICY.low],
  );
  for (const m of DEMO_MACROS) {
    await run(
      `insert into macros (id, owner_id, name, description, available_for, actions, created_at, updated_at)
       values (?, ?, ?, ?, ?, ?::jsonb, now() - interval '15 days', now() - interval '15 days') on conflict do nothing`,
      [m.id, m.ownerId, m.name, m.description, m.availableFor, JSON.stringify(m.actions)],
    );
  }
  // Before the triggers: one of them sends to it.
  await run(
    `insert into webhooks (id, owner_id, name, url, secret, active, created_at, updated_at)
     values (?, ?, ?, ?, ?, ?, now() - interval '14 days', now() - interval '14 days') on conflict do nothing`,
    [
      DEMO_WEBHOOK.id,
      DEMO_IDS.demo,
      DEMO_WEBHOOK.name,
      DEMO_WEBHOOK.url,
      `whsec_${randomBytes(32).toString('base64')}`,
      DEMO_WEBHOOK.active,
    ],
  );
  for (const t of [
    ...DEMO_TRIGGERS.map((t) => ({ ...t, ownerId: DEMO_IDS.demo })),
    ...COLLEAGUE_TRIGGERS.map((t) => ({ ...t, active: true })),
  ]) {
    await run(
      `insert into triggers (id, owner_id, name, event, conditions, recipient, message, active, created_at, updated_at)
       values (?, ?, ?, ?, ?::jsonb, ?::jsonb, ?, ?, now() - interval '14 days', now() - interval '14 days') on conflict do nothing`,
      [
        t.id,
        t.ownerId,
        t.name,
        t.event,
        JSON.stringify(t.conditions),
        JSON.stringify(t.recipient),
        t.message,
        t.active,
      ],
    );
  }
  for (const m of DEMO_MESSAGES) {
    await run(
      `insert into messages (id, sender_id, receiver_id, body, trigger_id, event, event_id, ticket_id, created_at, read_at)
       values (?, ?, ?, ?, ?, ?, ?, ?, now() - make_interval(hours => ?), case when ? then now() - make_interval(hours => ?) + interval '1 hour' end)
       on conflict do nothing`,
      [m.id, m.senderId, m.receiverId, m.body, m.triggerId, m.event, m.id, m.ticketId, m.hoursAgo, m.read, m.hoursAgo],
    );
  }
  for (const c of DEMO_COMMENTS) {
    await run(
      `insert into ticket_comments (id, ticket_id, author_id, body, created_at) values (?, ?, ?, ?, now() - make_interval(mins => ?)) on conflict do nothing`,
      [c.id, c.ticketId, c.authorId, c.body, c.minutesAgo],
    );
  }
  await seedDemoViews(run);
  const escalate = DEMO_MACROS.find((m) => m.name === 'Escalate to urgent');
  if (!escalate) throw new Error('the demo macros lost "Escalate to urgent"');
  await seedDemoHistory(
    run,
    [...DEMO_TICKETS, ...DEMO_PAST_TICKETS].map((t) => t.id),
    escalate.id,
  );
}
