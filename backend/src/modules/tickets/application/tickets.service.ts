import { Injectable } from '@nestjs/common';
import type { CustomerSummary } from '../../customers';
import type { TicketEventPayload } from '../domain/events/ticket.events';
import type { TicketAction } from '../domain/ticket-action';
import type { TicketComment } from '../domain/ticket-comment.entity';
import type { CommentRecord, TicketRecord } from '../domain/ticket-record';
import type { NewTicketFields, Ticket } from '../domain/ticket.entity';
import type { Page } from '../../../platform/pagination/cursor';
import type { ChangeVia } from '../domain/events/ticket.events';
import { MacroApplication } from './macro-application.service';
import { TicketChanges, TicketChangesService } from './ticket-changes.service';
import { TicketComments } from './ticket-comments.service';
import { CreatedTicket, TicketCreation } from './ticket-creation.service';
import { ListTicketsQuery, TicketQueries } from './ticket-queries.service';
import { TicketSnapshots } from './ticket-snapshots.service';

export type { CreatedTicket, ListTicketsQuery, TicketChanges };

/**
 * The tickets module's facade: what its controller and the other modules (macros, messaging) call.
 * Each use case lives in its own service (creation, changes, comments, macro application,
 * queries, event snapshots); this class only forwards.
 */
@Injectable()
export class TicketsService {
  constructor(
    private readonly creation: TicketCreation,
    private readonly changes: TicketChangesService,
    private readonly commentsOf: TicketComments,
    private readonly macros: MacroApplication,
    private readonly queries: TicketQueries,
    private readonly snapshots: TicketSnapshots,
  ) {}

  create(
    actorId: string,
    fields: NewTicketFields,
    macroActions: TicketAction[] = [],
    via?: ChangeVia,
  ): Promise<CreatedTicket> {
    return this.creation.create(actorId, fields, macroActions, via);
  }

  applyActions(
    actorId: string,
    ticketId: string,
    actions: TicketAction[],
    options: { dryRun: boolean; via?: ChangeVia },
  ): Promise<{ ticket: Ticket; comments: TicketComment[] }> {
    return this.macros.apply(actorId, ticketId, actions, options);
  }

  getVisible(actorId: string, id: string): Promise<Ticket> {
    return this.queries.getVisible(actorId, id);
  }

  readVisible(actorId: string, id: string): Promise<TicketRecord> {
    return this.queries.readVisible(actorId, id);
  }

  /** How many tickets of the actor's boxes are overdue now (the dashboard's figure). */
  countOverdue(actorId: string): Promise<number> {
    return this.queries.countOverdue(actorId);
  }

  list(actorId: string, query: ListTicketsQuery): Promise<Page<TicketRecord>> {
    return this.queries.list(actorId, query);
  }

  listCreatedBy(
    actorId: string,
    userId: string,
    query: { limit?: number; cursor?: string },
  ): Promise<Page<TicketRecord>> {
    return this.queries.listCreatedBy(actorId, userId, query);
  }

  update(actorId: string, id: string, version: number, changes: TicketChanges): Promise<Ticket> {
    return this.changes.update(actorId, id, version, changes);
  }

  close(actorId: string, id: string): Promise<{ ticket: TicketRecord; customer?: CustomerSummary }> {
    return this.changes.close(actorId, id);
  }

  reopen(actorId: string, id: string): Promise<{ ticket: TicketRecord; customer?: CustomerSummary }> {
    return this.changes.reopen(actorId, id);
  }

  delete(actorId: string, id: string): Promise<void> {
    return this.changes.delete(actorId, id);
  }

  addComment(actorId: string, ticketId: string, body: string): Promise<CommentRecord> {
    return this.commentsOf.add(actorId, ticketId, body);
  }

  listComments(
    actorId: string,
    ticketId: string,
    query: { limit?: number; cursor?: string },
  ): Promise<Page<CommentRecord>> {
    return this.commentsOf.list(actorId, ticketId, query);
  }

  /** The event payload (and a trigger dry run's input): the ticket plus the names handlers need. */
  snapshot(ticket: TicketRecord, actorId: string): Promise<TicketEventPayload> {
    return this.snapshots.of(ticket, actorId);
  }
}
