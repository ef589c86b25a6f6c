import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { ResourceNotFoundError } from '../../../platform/errors/domain-error';
import { CursorCodec, Page, pageRequest, toPage } from '../../../platform/pagination/cursor';
import type { TicketRecord } from '../domain/ticket-record';
import { visibleTo } from '../domain/ticket-rules';
import { Ticket } from '../domain/ticket.entity';
import { TicketBox, TicketStatus } from '../domain/ticket.enums';
import { TicketsRepository } from '../persistence/tickets.repository';

export interface ListTicketsQuery {
  box?: TicketBox;
  status?: TicketStatus;
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

  /** Read path for one ticket: plain SQL on the read pool into a record, no unit of work (it is not going to change). */
  async readVisible(actorId: string, id: string): Promise<TicketRecord> {
    const ticket = await this.tickets.findVisible(actorId, id);
    if (!ticket) throw new ResourceNotFoundError('Ticket');
    return ticket;
  }

  /** A page of the caller's tickets, newest first; a search (`q`) reads each box's newest rows first. */
  async list(actorId: string, query: ListTicketsQuery): Promise<Page<TicketRecord>> {
    const box = query.box ?? 'all';
    const q = query.q?.trim() ?? '';
    const scope = `tickets:${actorId}:${box}:${query.status ?? ''}:${q}`;
    const { limit, after } = pageRequest(this.cursors, scope, query);
    const rows = await this.tickets.box(actorId, box, { status: query.status, q, after }, limit + 1);
    return toPage(rows, limit, this.cursors, scope, (r) => r);
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
