import { Injectable } from '@nestjs/common';
import { CustomersService, CustomerSummary } from '../../customers';
import { IdentityService } from '../../identity';
import type { CommentRecord, TicketRecord } from '../domain/ticket-record';
import { Ticket } from '../domain/ticket.entity';
import { CommentDto, TicketDto } from './dto/ticket.response.dto';

/**
 * Turns tickets into response DTOs with their creator, assignee and customer. Names are loaded
 * for a whole page at once (one query for users, one for customers), never per row.
 */
@Injectable()
export class TicketViews {
  constructor(
    private readonly identity: IdentityService,
    private readonly customers: CustomersService,
  ) {}

  /** `customer`: the ticket's customer when the caller has just read it (then it is not read again). */
  async one(ticket: TicketRecord, customer?: CustomerSummary): Promise<TicketDto> {
    return (await this.many([ticket], customer ? new Map([[customer.id, customer]]) : undefined))[0];
  }

  async many(tickets: TicketRecord[], known?: Map<string, CustomerSummary>): Promise<TicketDto[]> {
    if (tickets.length === 0) return [];
    const customerIds = tickets.map((t) => t.customerId);
    const [users, customers] = await Promise.all([
      this.identity.summaries(tickets.flatMap((t) => [t.creatorId, t.assigneeId])),
      known && customerIds.every((id) => known.has(id)) ? known : this.customers.summaries(customerIds),
    ]);
    const user = (id: string) => ({ id, username: users.get(id)?.username ?? '' });
    const now = new Date();
    return tickets.map((t) => {
      const customer = customers.get(t.customerId);
      return {
        id: t.id,
        number: t.number,
        title: t.title,
        description: t.description,
        type: t.type,
        priority: t.priority,
        topic: t.topic,
        status: t.status,
        photoUrl: t.photoUrl,
        customerId: t.customerId,
        assigneeId: t.assigneeId,
        version: t.version,
        createdAt: t.createdAt.toISOString(),
        updatedAt: t.updatedAt.toISOString(),
        closedAt: t.closedAt?.toISOString() ?? null,
        dueAt: t.dueAt?.toISOString() ?? null,
        overdue: Ticket.isOverdue(t, now),
        creator: user(t.creatorId),
        assignee: user(t.assigneeId),
        customer: {
          id: t.customerId,
          name: customer?.name ?? '',
          email: customer?.email ?? '',
          deleted: customer?.deleted ?? true,
        },
      };
    });
  }

  async comments(comments: CommentRecord[]): Promise<CommentDto[]> {
    const users = await this.identity.summaries(comments.map((c) => c.authorId));
    return comments.map((c) => ({
      id: c.id,
      body: c.body,
      author: { id: c.authorId, username: users.get(c.authorId)?.username ?? '' },
      createdAt: c.createdAt.toISOString(),
    }));
  }
}
