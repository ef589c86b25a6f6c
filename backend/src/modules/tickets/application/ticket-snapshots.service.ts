import { Injectable } from '@nestjs/common';
import { CustomersService, CustomerSummary } from '../../customers';
import { IdentityService } from '../../identity';
import { TicketEventPayload } from '../domain/events/ticket.events';
import type { TicketRecord } from '../domain/ticket-record';

/** The snapshot every ticket event carries (and a trigger dry run's input): the ticket plus the names handlers need. */
@Injectable()
export class TicketSnapshots {
  constructor(
    private readonly identity: IdentityService,
    private readonly customers: CustomersService,
  ) {}

  async of(ticket: TicketRecord, actorId: string): Promise<TicketEventPayload> {
    return (await this.withCustomer(ticket, actorId)).payload;
  }

  /** The snapshot and the ticket's customer as it read it (a response may show it without reading it again). */
  async withCustomer(
    ticket: TicketRecord,
    actorId: string,
  ): Promise<{ payload: TicketEventPayload; customer?: CustomerSummary }> {
    const [users, customers] = await Promise.all([
      this.identity.summaries([ticket.creatorId, ticket.assigneeId, actorId]),
      this.customers.summaries([ticket.customerId]),
    ]);
    const customer = customers.get(ticket.customerId);
    return {
      payload: buildSnapshot(ticket, users, customer, actorId),
      customer,
    };
  }
}

/** The snapshot from names already read (ticket creation reads them for its checks). */
export function buildSnapshot(
  ticket: TicketRecord,
  users: Map<string, { username: string }>,
  customer: { name: string; email: string } | undefined,
  actorId: string,
): TicketEventPayload {
  const user = (id: string) => ({
    id,
    username: users.get(id)?.username ?? '',
  });
  return {
    ticket: {
      id: ticket.id,
      title: ticket.title,
      status: ticket.status,
      priority: ticket.priority,
      type: ticket.type,
      topic: ticket.topic,
      closedAt: ticket.closedAt?.toISOString() ?? null,
    },
    creator: user(ticket.creatorId),
    assignee: user(ticket.assigneeId),
    customer: {
      id: ticket.customerId,
      name: customer?.name ?? '',
      email: customer?.email ?? '',
    },
    actor: user(actorId),
  };
}
