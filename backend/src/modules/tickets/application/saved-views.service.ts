import { UniqueConstraintViolationException } from '@mikro-orm/core';
import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { ResourceNotFoundError } from '../../../platform/errors/domain-error';
import { CursorCodec, Page, pageRequest, toPage } from '../../../platform/pagination/cursor';
import {
  MAX_SAVED_VIEWS_PER_USER,
  SAVED_VIEW_COUNT_CAP,
  SavedView,
  SavedViewFields,
  SavedViewFilters,
} from '../domain/saved-view.entity';
import { SavedViewLimitReachedError, SavedViewNameTakenError } from '../domain/saved-view.errors';
import { searchTerms } from '../domain/ticket-search';
import { SavedViewRecord, SavedViewsRepository } from '../persistence/saved-views.repository';
import { SAVED_VIEW_NAME_CONSTRAINT } from '../persistence/saved-views.statements';
import type { ListTicketsQuery } from './ticket-queries.service';

/** The filters a view keeps, in the order the list query names them. */
const FILTER_KEYS = ['box', 'status', 'priority', 'type', 'topic', 'customerId', 'q', 'overdue'] as const;

export interface SavedViewCount {
  id: string;
  count: number;
  capped: boolean;
}

/** The filters as stored: only those that narrow (no empty lists, no blank search). */
export function normalizedFilters(filters: SavedViewFilters): SavedViewFilters {
  const kept: Record<string, unknown> = {};
  for (const key of FILTER_KEYS) {
    const value = filters[key];
    if (value === undefined || value === null) continue;
    if (Array.isArray(value) && value.length === 0) continue;
    if (key === 'q' && typeof value === 'string' && value.trim() === '') continue;
    kept[key] = Array.isArray(value) ? [...new Set(value)] : value;
  }
  return kept as SavedViewFilters;
}

/** Saved views: a user's named ticket queries, their counts, and the list query a view stands for. */
@Injectable()
export class SavedViews {
  constructor(
    private readonly em: EntityManager,
    private readonly views: SavedViewsRepository,
    private readonly cursors: CursorCodec,
  ) {}

  async list(ownerId: string, query: { limit?: number; cursor?: string }): Promise<Page<SavedViewRecord>> {
    const scope = `saved-views:${ownerId}`;
    const { limit, after } = pageRequest(this.cursors, scope, query);
    return toPage(await this.views.page(ownerId, after, limit + 1), limit, this.cursors, scope, (v) => v);
  }

  /** A new view; the user's creations are serialised so the limit holds under concurrent requests. */
  async create(ownerId: string, fields: SavedViewFields): Promise<SavedView> {
    const view = new SavedView(ownerId, { ...fields, filters: normalizedFilters(fields.filters) });
    await this.namedUniquely(() =>
      this.em.transactional(async (em) => {
        if ((await this.views.lockAndCount(em, ownerId)) >= MAX_SAVED_VIEWS_PER_USER)
          throw new SavedViewLimitReachedError();
        em.persist(view);
      }),
    );
    return view;
  }

  /** The user's own view; any other id is `404`. */
  async getOwned(ownerId: string, id: string): Promise<SavedView> {
    const view = await this.em.findOne(SavedView, { id, ownerId });
    if (!view) throw new ResourceNotFoundError('Saved view');
    return view;
  }

  async update(ownerId: string, id: string, version: number, changes: Partial<SavedViewFields>): Promise<SavedView> {
    const view = await this.getOwned(ownerId, id);
    view.update(version, changes.filters ? { ...changes, filters: normalizedFilters(changes.filters) } : changes);
    await this.namedUniquely(() => this.em.flush());
    return view;
  }

  async delete(ownerId: string, id: string): Promise<void> {
    await this.em.removeAndFlush(await this.getOwned(ownerId, id));
  }

  /**
   * How many tickets each of the user's views lists, newest view first: exact up to
   * SAVED_VIEW_COUNT_CAP, above it the cap and `capped`. Two statements whatever the number of views.
   */
  async counts(ownerId: string): Promise<SavedViewCount[]> {
    const views = await this.views.allOf(ownerId);
    const counted = views.map((v) => ({ id: v.id, filters: v.filters, search: searchTerms(v.filters.q ?? '') }));
    const counts = await this.views.counts(ownerId, counted, SAVED_VIEW_COUNT_CAP + 1);
    return views.map((v) => {
      const count = counts.get(v.id) ?? 0;
      return { id: v.id, count: Math.min(count, SAVED_VIEW_COUNT_CAP), capped: count > SAVED_VIEW_COUNT_CAP };
    });
  }

  /**
   * The list query of `GET /api/tickets?view=`: the view's filters and sort, each replaced by the
   * same parameter when the request gives it; paging and `assigneeId` come from the request only.
   */
  async listQuery(ownerId: string, viewId: string, explicit: ListTicketsQuery): Promise<ListTicketsQuery> {
    const view = await this.views.findOwned(ownerId, viewId);
    if (!view) throw new ResourceNotFoundError('Saved view');
    const given = Object.fromEntries(Object.entries(explicit).filter(([, value]) => value !== undefined));
    return { ...view.filters, sort: view.sort, ...given };
  }

  /** Runs a write; the unique index on (owner, lower(name)) answers a clash as `409` naming `name`. */
  private async namedUniquely(write: () => Promise<void>): Promise<void> {
    try {
      await write();
    } catch (error) {
      const constraint =
        error instanceof UniqueConstraintViolationException ? (error as { constraint?: string }).constraint : undefined;
      if (constraint === SAVED_VIEW_NAME_CONSTRAINT) throw new SavedViewNameTakenError();
      throw error;
    }
  }
}
