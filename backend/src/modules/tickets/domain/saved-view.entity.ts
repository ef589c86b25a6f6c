import { Entity, Property } from '@mikro-orm/core';
import { VersionedEntity } from '../../../platform/domain/base.entity';
import { StaleVersionError } from '../../../platform/errors/domain-error';
import type { TicketBox, TicketPriority, TicketSort, TicketStatus, TicketTopic, TicketType } from './ticket.enums';

/** A user may keep at most this many saved views, so that counting all of them stays bounded. */
export const MAX_SAVED_VIEWS_PER_USER = 50;

/** Above this many tickets a view's count is reported as this number and `capped`. */
export const SAVED_VIEW_COUNT_CAP = 1000;

/** The list filters a view keeps: the query of `GET /api/tickets` without paging, `assigneeId` and `sort`. */
export interface SavedViewFilters {
  box?: TicketBox;
  status?: TicketStatus;
  priority?: TicketPriority[];
  type?: TicketType[];
  topic?: TicketTopic[];
  customerId?: string;
  q?: string;
  overdue?: boolean;
}

export interface SavedViewFields {
  name: string;
  filters: SavedViewFilters;
  sort: TicketSort;
}

/** A saved ticket query of one user: a name, the list's filters and its sort. */
@Entity({ tableName: 'saved_views' })
export class SavedView extends VersionedEntity {
  @Property({ type: 'uuid' })
  ownerId: string;

  @Property({ type: 'text' })
  name: string;

  @Property({ type: 'json' })
  filters: SavedViewFilters;

  @Property({ type: 'text' })
  sort: TicketSort;

  constructor(ownerId: string, fields: SavedViewFields) {
    super();
    this.ownerId = ownerId;
    this.name = fields.name;
    this.filters = fields.filters;
    this.sort = fields.sort;
  }

  /** Changes the fields given; `filters` replaces the view's filters as a whole. */
  update(version: number, changes: Partial<SavedViewFields>): void {
    if (version !== this.version) throw new StaleVersionError('Saved view');
    if (changes.name !== undefined) this.name = changes.name;
    if (changes.filters !== undefined) this.filters = changes.filters;
    if (changes.sort !== undefined) this.sort = changes.sort;
    this.updatedAt = new Date();
  }
}
