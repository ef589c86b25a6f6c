import { Injectable } from '@nestjs/common';
import { ResourceNotFoundError } from '../../../platform/errors/domain-error';
import { CursorCodec, Page, pageRequest, toPage } from '../../../platform/pagination/cursor';
import type { CommentRecord } from '../domain/ticket-record';
import { TicketComment } from '../domain/ticket-comment.entity';
import { TicketsRepository } from '../persistence/tickets.repository';

/** The conversation on a ticket: replies and their pages. */
@Injectable()
export class TicketComments {
  constructor(
    private readonly tickets: TicketsRepository,
    private readonly cursors: CursorCodec,
  ) {}

  /**
   * A reply on a visible ticket: one statement that checks the caller's right to the ticket and
   * writes the comment (nothing else changes, and nothing is published), so the check and the
   * insert cannot be split by the ticket's deletion.
   */
  async add(actorId: string, ticketId: string, body: string): Promise<CommentRecord> {
    const comment = new TicketComment(ticketId, actorId, body);
    if (!(await this.tickets.insertCommentIfVisible(comment))) throw new ResourceNotFoundError('Ticket');
    return comment;
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
