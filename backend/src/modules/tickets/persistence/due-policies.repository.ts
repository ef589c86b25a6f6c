import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { ormRunner } from '../../../platform/database/sql';
import { DuePolicy, NO_DUE_POLICY } from '../domain/due-policy';
import { DUE_POLICIES, selectDuePolicies, upsertDuePolicy } from './due-policy.statements';

const toPolicy = (row: Record<string, unknown>): DuePolicy & { userId: string } =>
  DUE_POLICIES.toRecord<DuePolicy & { userId: string }>(row);

/** The users' due policies, on the ORM's connection (ticket creation reads them beside its other checks). */
@Injectable()
export class DuePoliciesRepository {
  constructor(private readonly em: EntityManager) {}

  /** Each user's policy (no due dates for a user without one). */
  async of(userIds: string[]): Promise<Map<string, DuePolicy>> {
    const ids = [...new Set(userIds)];
    const rows = await ormRunner(this.em).query<Record<string, unknown>>(selectDuePolicies(ids));
    const found = new Map(rows.map(toPolicy).map(({ userId, ...policy }) => [userId, policy]));
    return new Map(ids.map((id) => [id, found.get(id) ?? NO_DUE_POLICY]));
  }

  async replace(userId: string, policy: DuePolicy): Promise<DuePolicy> {
    const [row] = await ormRunner(this.em).query<Record<string, unknown>>(upsertDuePolicy(userId, policy));
    const { urgent, high, normal, low } = toPolicy(row);
    return { urgent, high, normal, low };
  }
}
