import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { ReadPool } from '../../../platform/database/read-pool';
import { ormRunner } from '../../../platform/database/sql';
import type { KeysetPosition } from '../../../platform/pagination/cursor';
import { MAX_SAVED_VIEWS_PER_USER, type SavedViewFields } from '../domain/saved-view.entity';
import * as statements from './saved-views.statements';

/** A saved view as read by plain SQL (the entity's fields, no unit of work). */
export interface SavedViewRecord extends SavedViewFields {
  id: string;
  ownerId: string;
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

const toView = (row: Record<string, unknown>) => statements.SAVED_VIEWS.toRecord<SavedViewRecord>(row);

/** The reads of saved views on the read pool, and the per-user limit's lock and count in the caller's transaction. */
@Injectable()
export class SavedViewsRepository {
  constructor(private readonly reads: ReadPool) {}

  async page(ownerId: string, after: KeysetPosition | null, take: number): Promise<SavedViewRecord[]> {
    return (await this.reads.query(statements.savedViewsPage(ownerId, after, take))).map(toView);
  }

  async findOwned(ownerId: string, id: string): Promise<SavedViewRecord | undefined> {
    const [row] = await this.reads.query(statements.selectOwnedView(ownerId, id));
    return row ? toView(row) : undefined;
  }

  /** Every view of the user, newest first (there are at most MAX_SAVED_VIEWS_PER_USER). */
  async allOf(ownerId: string): Promise<SavedViewRecord[]> {
    return this.page(ownerId, null, MAX_SAVED_VIEWS_PER_USER);
  }

  /** Takes the user's creation lock in `em`'s transaction, then counts the user's views. */
  async lockAndCount(em: EntityManager, ownerId: string): Promise<number> {
    const runner = ormRunner(em);
    await runner.query(statements.lockViewsOf(ownerId));
    const [row] = await runner.query<{ count: number }>(statements.countViewsOf(ownerId));
    return row?.count ?? 0;
  }

  /** How many tickets each view lists, each counted up to `take` (one statement; none for no views). */
  async counts(userId: string, views: statements.CountedView[], take: number): Promise<Map<string, number>> {
    if (views.length === 0) return new Map();
    const rows = await this.reads.query<{ id: string; count: number }>(statements.savedViewCounts(userId, views, take));
    return new Map(rows.map((r) => [r.id, r.count]));
  }
}
