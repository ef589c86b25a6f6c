import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { ResourceNotFoundError } from '../../../platform/errors/domain-error';
import { CursorCodec, KeysetPosition, Page, pageRequest, toPage } from '../../../platform/pagination/cursor';
import type { TicketRecord } from '../domain/ticket-record';
import { visibleTo } from '../domain/ticket-rules';
import { Ticket } from '../domain/ticket.entity';
import { priorityRank, searchTerms } from '../domain/ticket-search';
import { TicketBox, TicketSort } from '../domain/ticket.enums';
import { TicketsRepository } from '../persistence/tickets.repository';
import type { TicketListFilters } from '../persistence/ticket.statements';

export interface ListTicketsQuery extends TicketListFilters {
  box?: TicketBox;
  sort?: TicketSort;
  q?: string;
  limit?: number;
  cursor?: string;
}

/** The read use cases: one ticket, the boxes and their search, a user's tickets. */
@Injectable()
export class TicketQueries {
  constructor(
    private readonly em: EntityManager,
    private readonly tickets: TicketsRepository,
    private readonly cursors: CursorCodec,
  ) {}

  /** The ticket entity, loaded into the unit of work, if the caller may see it; 404 otherwise (no existence oracle). */
  async getVisible(actorId: string, id: string): Promise<Ticket> {
    const ticket = await this.em.findOne(Ticket, { id, ...visibleTo(actorId) });
    if (!ticket) throw new ResourceNotFoundError('Ticket');
    return ticket;
  }

  /** Overdue tickets in both of the actor's boxes, each once. */
  countOverdue(actorId: string): Promise<number> {
    return this.tickets.countOverdue(actorId);
  }

  /** Read path for one ticket: plain SQL on the read pool into a record, no unit of work (it is not going to change). */
  async readVisible(actorId: string, id: string): Promise<TicketRecord> {
    const ticket = await this.tickets.findVisible(actorId, id);
    if (!ticket) throw new ResourceNotFoundError('Ticket');
    return ticket;
  }

  /**
   * A page of the caller's tickets in the sort's order (newest first by default), narrowed by the
   * filters; a search (`q`) reads each box's first rows first. The cursor is signed for exactly this
   * list (box, filters, search and sort): one from another list is a 400 naming `cursor`.
   */
  async list(actorId: string, query: ListTicketsQuery): Promise<Page<TicketRecord>> {
    const box = query.box ?? 'all';
    const sort = query.sort ?? 'newest';
    const q = query.q?.trim() ?? '';
    const filters = {
      status: query.status,
      priority: query.priority,
      type: query.type,
      topic: query.topic,
      customerId: query.customerId,
      assigneeId: query.assigneeId,
      overdue: query.overdue || undefined,
    };
    const scope = `tickets:${actorId}:${box}:${sort}:${JSON.stringify(filters)}:${q}`;
    const { limit, after } = pageRequest(this.cursors, scope, query);
    const rows = await this.tickets.box(actorId, box, { filters, search: searchTerms(q), sort, after }, limit + 1);
    const hasMore = rows.length > limit;
    const items = hasMore ? rows.slice(0, limit) : rows;
    const last = items[items.length - 1];
    return {
      items,
      nextCursor: hasMore && last ? this.cursors.encode(positionIn(sort, last), scope) : null,
    };
  }

  /** Tickets created by `userId` that the caller may see (all of them when it is the caller). */
  async listCreatedBy(
    actorId: string,
    userId: string,
    query: { limit?: number; cursor?: string },
  ): Promise<Page<TicketRecord>> {
    const scope = `user-tickets:${actorId}:${userId}`;
    const { limit, after } = pageRequest(this.cursors, scope, query);
    const rows = await this.tickets.createdBy(userId, actorId, after, limit + 1);
    return toPage(rows, limit, this.cursors, scope, (r) => r);
  }
}

/** A row's position in a sort: its key (none for newest and oldest), then (createdAt, id). */
function positionIn(sort: TicketSort, row: TicketRecord): KeysetPosition {
  const base = { createdAt: row.createdAt, id: row.id };
  if (sort === 'updated') return { ...base, key: row.updatedAt.toISOString() };
  if (sort === 'priority') return { ...base, key: priorityRank(row.priority) };
  if (sort === 'due') return { ...base, key: row.dueAt?.toISOString() ?? 'infinity' };
  return base;
}
