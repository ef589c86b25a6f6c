import type { EntityManager } from '@mikro-orm/postgresql';
import { randomBytes } from 'node:crypto';
import { DEMO_USER, PasswordHasher } from '../../modules/identity';

/** Fixed ids make the demo data idempotent: every boot re-applies it with `on conflict do nothing`. */
export const DEMO_IDS = {
  demo: '00000000-0000-4000-8000-000000000001',
  alex: '00000000-0000-4000-8000-000000000002',
  sam: '00000000-0000-4000-8000-000000000003',
} as const;

export const DEMO_COLLEAGUES = [
  { id: DEMO_IDS.alex, email: 'alex@balanced.workspace', username: 'alex.support' },
  { id: DEMO_IDS.sam, email: 'sam@balanced.workspace', username: 'sam.it' },
];

/**
 * Seeds the demo workspace: the demo user (who logs in only through POST /api/auth/demo — its
 * password is random and never stored anywhere) and colleagues to assign tickets to. Each slice
 * adds its sample data here. Safe to run on every boot and from several instances at once.
 */
export async function seedDemoWorkspace(em: EntityManager, hasher: PasswordHasher): Promise<void> {
  const conn = em.getConnection();
  const users = [{ id: DEMO_IDS.demo, email: DEMO_USER.email, username: DEMO_USER.username }, ...DEMO_COLLEAGUES];
  const existing = await conn.execute<{ id: string }[]>(`select id from users where id in (?, ?, ?)`, users.map((u) => u.id));
  const have = new Set(existing.map((r) => r.id));
  for (const user of users) {
    if (have.has(user.id)) continue;
    const hash = await hasher.hash(randomBytes(32).toString('base64url'));
    await conn.execute(
      `insert into users (id, email, username, password_hash, created_at) values (?, ?, ?, ?, now() - interval '30 days')
       on conflict do nothing`,
      [user.id, user.email, user.username, hash],
    );
  }
}
