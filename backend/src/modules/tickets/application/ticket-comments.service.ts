import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { ResourceNotFoundError } from '../../../platform/errors/domain-error';
import { Outbox } from '../../../platform/outbox/outbox.service';
import { CursorCodec, Page, pageRequest, toPage } from '../../../platform/pagination/cursor';
import { CommentCreatedEvent, CommentCreatedPayload } from '../domain/events/ticket.events';
import type { CommentRecord } from '../domain/ticket-record';
import { TicketComment } from '../domain/ticket-comment.entity';
import { insertCommentIfVisible } from '../persistence/ticket.statements';
import { TicketsRepository } from '../persistence/tickets.repository';
import { ticketFacets } from './ticket-events.publisher';
import { TicketQueries } from './ticket-queries.service';
import { TicketSnapshots } from './ticket-snapshots.service';

/** Reads and conditional inserts a reply tries before it gives up (each retry follows a reassignment). */
const COMMENT_ATTEMPTS = 3;

/** The conversation on a ticket: replies and their pages. */
@Injectable()
export class TicketComments {
  constructor(
    private readonly em: EntityManager,
    private readonly outbox: Outbox,
    private readonly tickets: TicketsRepository,
    private readonly queries: TicketQueries,
    private readonly snapshots: TicketSnapshots,
    private readonly cursors: CursorCodec,
  ) {}

  /**
   * A reply on a visible ticket and its `comment.created` event, in one statement that checks the
   * caller's right to the ticket and that its parties (the event's audience) are still those read,
   * so neither a deletion nor a reassignment can come between the check and the insert. The ticket
   * itself does not change.
   */
  async add(actorId: string, ticketId: string, body: string): Promise<CommentRecord> {
    for (let attempt = 1; ; attempt++) {
      const ticket = await this.queries.readVisible(actorId, ticketId);
      const comment = new TicketComment(ticketId, actorId, body);
      const snapshot = await this.snapshots.of(ticket, actorId);
      const payload: CommentCreatedPayload = {
        ...snapshot,
        comment: {
          id: comment.id,
          body,
          author: { id: actorId, username: snapshot.actor?.username ?? '' },
          createdAt: comment.createdAt.toISOString(),
        },
      };
      const written = await this.outbox.writeIfChanged(
        this.em,
        insertCommentIfVisible(comment, ticket),
        CommentCreatedEvent,
        { payload, actorId, ...ticketFacets(payload) },
      );
      if (written.length > 0) return comment;
      if (attempt === COMMENT_ATTEMPTS) throw new ResourceNotFoundError('Ticket');
    }
  }

  /** The conversation, oldest first; 404 unless the caller is the ticket's creator or assignee. */
  async list(
    actorId: string,
    ticketId: string,
    query: { limit?: number; cursor?: string },
  ): Promise<Page<CommentRecord>> {
    if (!(await this.tickets.isVisible(actorId, ticketId))) throw new ResourceNotFoundError('Ticket');
    const scope = `comments:${ticketId}`;
    const { limit, after } = pageRequest(this.cursors, scope, query);
    const comments = await this.tickets.comments(ticketId, after, limit + 1);
    return toPage(comments, limit, this.cursors, scope, (c) => c);
  }
}
