import { Injectable } from '@nestjs/common';
import { CustomersService, CustomerSummary } from '../../customers';
import { IdentityService } from '../../identity';
import { ChangeVia, TicketChange, TicketEventPayload } from '../domain/events/ticket.events';
import type { TicketRecord } from '../domain/ticket-record';
import type { SnapshotNames } from '../persistence/overdue-snapshot.statements';
import { Ticket } from '../domain/ticket.entity';

/** What a change adds to the snapshot besides the ticket: its fields' changes, through what, the version it writes. */
export interface SnapshotExtras {
  changes?: TicketChange[];
  via?: ChangeVia;
  previousAssigneeId?: string;
  /** The version the change's write gives the ticket (a unit of work increments it at flush). */
  version?: number;
  /** Overdue as the change decided it (the overdue scheduler, on the database's clock); else on this instance's. */
  overdue?: boolean;
}

/** The snapshot every ticket event carries (and a trigger dry run's input): the ticket plus the names handlers need. */
@Injectable()
export class TicketSnapshots {
  constructor(
    private readonly identity: IdentityService,
    private readonly customers: CustomersService,
  ) {}

  async of(ticket: TicketRecord, actorId: string, extras?: SnapshotExtras): Promise<TicketEventPayload> {
    return (await this.withCustomer(ticket, actorId, extras)).payload;
  }

  /**
   * The names the snapshots of many tickets show, with one query for users and one for customers:
   * the overdue scheduler's batch, whose snapshots the database builds from them (overdueEvents).
   */
  async names(tickets: Pick<TicketRecord, 'creatorId' | 'assigneeId' | 'customerId'>[]): Promise<SnapshotNames> {
    const [users, customers] = await Promise.all([
      this.identity.summaries(tickets.flatMap((t) => [t.creatorId, t.assigneeId])),
      this.customers.summaries(tickets.map((t) => t.customerId)),
    ]);
    return { users, customers };
  }

  /** The snapshot and the ticket's customer as it read it (a response may show it without reading it again). */
  async withCustomer(
    ticket: TicketRecord,
    actorId: string,
    extras?: SnapshotExtras,
  ): Promise<{ payload: TicketEventPayload; customer?: CustomerSummary }> {
    const [users, customers] = await Promise.all([
      this.identity.summaries([ticket.creatorId, ticket.assigneeId, actorId]),
      this.customers.summaries([ticket.customerId]),
    ]);
    const customer = customers.get(ticket.customerId);
    return { payload: buildSnapshot(ticket, users, customer, actorId, extras), customer };
  }
}

/** The snapshot from names already read (ticket creation reads them for its checks). */
export function buildSnapshot(
  ticket: TicketRecord,
  users: ReadonlyMap<string, { username: string }>,
  customer: { name: string; email: string; deleted?: boolean } | undefined,
  actorId: string | null,
  extras: SnapshotExtras = {},
): TicketEventPayload {
  const user = (id: string) => ({ id, username: users.get(id)?.username ?? '' });
  return {
    ticket: {
      id: ticket.id,
      number: ticket.number,
      title: ticket.title,
      description: ticket.description,
      status: ticket.status,
      priority: ticket.priority,
      type: ticket.type,
      topic: ticket.topic,
      photoUrl: ticket.photoUrl,
      customerId: ticket.customerId,
      assigneeId: ticket.assigneeId,
      version: extras.version ?? ticket.version,
      createdAt: ticket.createdAt.toISOString(),
      updatedAt: ticket.updatedAt.toISOString(),
      closedAt: ticket.closedAt?.toISOString() ?? null,
      dueAt: ticket.dueAt?.toISOString() ?? null,
      overdue: extras.overdue ?? Ticket.isOverdue(ticket),
    },
    creator: user(ticket.creatorId),
    assignee: user(ticket.assigneeId),
    customer: {
      id: ticket.customerId,
      name: customer?.name ?? '',
      email: customer?.email ?? '',
      deleted: customer?.deleted ?? false,
    },
    actor: actorId === null ? null : user(actorId),
    changes: extras.changes ?? [],
    via: extras.via ?? { kind: 'user' },
    ...(extras.previousAssigneeId ? { previousAssigneeId: extras.previousAssigneeId } : {}),
  };
}
