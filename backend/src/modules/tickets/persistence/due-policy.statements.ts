import { defineTable, Sql, sql } from '../../../platform/database/sql';
import type { DuePolicy } from '../domain/due-policy';

/** The due policies, one row per user who set one. */
export const DUE_POLICIES = defineTable('due_policies', {
  user_id: 'uuid',
  urgent: 'int',
  high: 'int',
  normal: 'int',
  low: 'int',
});

export const selectDuePolicies = (userIds: string[]): Sql =>
  sql`select ${DUE_POLICIES.columns()} from due_policies where user_id = any(${userIds}::uuid[])`;

/** The user's policy, replaced whole. */
export const upsertDuePolicy = (userId: string, policy: DuePolicy): Sql =>
  sql`insert into due_policies (${DUE_POLICIES.columns()}, updated_at) values (${DUE_POLICIES.row(DUE_POLICIES.toRow({ userId, ...policy }))}, now())
       on conflict (user_id) do update set urgent = excluded.urgent, high = excluded.high, normal = excluded.normal, low = excluded.low, updated_at = now()
       returning ${DUE_POLICIES.columns()}`;
