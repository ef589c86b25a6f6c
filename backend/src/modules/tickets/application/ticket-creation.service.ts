import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { AppConfig } from '../../../config/app-config';
import { GroupCommit, ItemOutcome, writeTogetherOrAlone } from '../../../platform/batching/group-commit';
import { InvalidFieldError } from '../../../platform/errors/domain-error';
import { isDatabaseUnavailable } from '../../../platform/errors/problem.filter';
import { Outbox } from '../../../platform/outbox/outbox.service';
import { CustomersService, CustomerSummary } from '../../customers';
import { IdentityService } from '../../identity';
import { ChangeVia, TicketCreatedEvent } from '../domain/events/ticket.events';
import { TicketAction } from '../domain/ticket-action';
import { dueFromPolicy, DuePolicy, NO_DUE_POLICY } from '../domain/due-policy';
import { NewTicketFields, Ticket } from '../domain/ticket.entity';
import { DuePoliciesRepository } from '../persistence/due-policies.repository';
import { insertTickets } from '../persistence/ticket.statements';
import { TicketsRepository } from '../persistence/tickets.repository';
import { MacroApplication } from './macro-application.service';
import { ticketFacets } from './ticket-events.publisher';
import { buildSnapshot } from './ticket-snapshots.service';

export interface CreatedTicket {
  ticket: Ticket;
  customer: CustomerSummary;
}

interface TicketToCreate {
  actorId: string;
  fields: NewTicketFields;
}

/** The ticket an item makes: its fields, and its due time as given or from its creator's policy. */
function newTicket(item: TicketToCreate, policies: Map<string, DuePolicy>): Ticket {
  const ticket = new Ticket(item.actorId, { ...item.fields, dueAt: item.fields.dueAt ?? null });
  if (item.fields.dueAt === undefined)
    ticket.dueAt = dueFromPolicy(policies.get(item.actorId) ?? NO_DUE_POLICY, ticket.priority, ticket.createdAt);
  return ticket;
}

type Users = Map<string, { username: string }>;

/** The customer must be a live one of the creator's, the assignee a user: the 400 of a creation that fails its checks. */
function checkFields(item: TicketToCreate, customers: Map<string, CustomerSummary>, users: Users): CustomerSummary {
  const customer = customers.get(item.fields.customerId);
  if (!customer || customer.ownerId !== item.actorId || customer.deleted)
    throw new InvalidFieldError('customerId', 'customerId must be the id of one of your customers');
  if (!users.has(item.fields.assigneeId))
    throw new InvalidFieldError('assigneeId', 'assigneeId must be the id of a user');
  return customer;
}

/** Ticket creation: group commit for plain creations, the unit of work when a macro is applied at once. */
@Injectable()
export class TicketCreation {
  /** Plain creations waiting to share a transaction (group commit). */
  private readonly creations: GroupCommit<TicketToCreate, CreatedTicket>;

  constructor(
    private readonly em: EntityManager,
    private readonly outbox: Outbox,
    private readonly identity: IdentityService,
    private readonly customers: CustomersService,
    private readonly macros: MacroApplication,
    private readonly tickets: TicketsRepository,
    private readonly policies: DuePoliciesRepository,
    config: AppConfig,
  ) {
    this.creations = new GroupCommit((items) => this.createMany(items), {
      maxBatch: config.TICKET_CREATE_BATCH,
      maxInFlight: config.TICKET_CREATE_CONCURRENCY,
    });
  }

  /**
   * Creates a ticket; with `macroActions`, the macro is applied in the same transaction. Returns the
   * ticket and its customer as checked (the response shows it, so it need not be read again).
   * A creation without a macro goes through group commit: the creations that arrive while earlier
   * ones are being written share one transaction (createMany); alone, it is a transaction of one.
   */
  async create(
    actorId: string,
    fields: NewTicketFields,
    macroActions: TicketAction[] = [],
    via?: ChangeVia,
  ): Promise<CreatedTicket> {
    if (macroActions.length === 0) return this.creations.submit({ actorId, fields });
    const item = { actorId, fields };
    // The checks and the event's names in two parallel queries.
    const { customers, users, numbers, policies } = await this.namesFor([item]);
    const customer = checkFields(item, customers, users);
    const ticket = newTicket(item, policies);
    ticket.number = numbers[0];
    const snapshot = buildSnapshot(ticket, users, customer, actorId);
    // One transaction; the ticket row is written before the macro's comments that reference it.
    await this.em.transactional(async (em) => {
      em.persist(ticket);
      this.outbox.publish(em, TicketCreatedEvent, snapshot, actorId, ticketFacets(snapshot));
      await em.flush();
      await this.macros.applyTo(em, ticket, actorId, macroActions, via);
    });
    return { ticket, customer };
  }

  /** The checks' names, one new number per item (in the items' order) and the creators' due policies, in parallel queries. */
  private async namesFor(items: TicketToCreate[]): Promise<{
    customers: Map<string, CustomerSummary>;
    users: Users;
    numbers: number[];
    policies: Map<string, DuePolicy>;
  }> {
    const [customers, users, numbers, policies] = await Promise.all([
      this.customers.summaries(items.map((i) => i.fields.customerId)),
      this.identity.summaries(
        items.flatMap((i) => [i.actorId, i.fields.assigneeId]),
        { fresh: true },
      ),
      this.tickets.nextNumbers(items.length),
      this.policies.of(items.map((i) => i.actorId)),
    ]);
    return { customers, users, numbers, policies };
  }

  /**
   * Creates many tickets: the checks of all of them in two queries, then one statement that writes
   * every ticket and its `ticket.created` event (Outbox.writeWithEvents: atomic, one round trip).
   * A ticket that fails its checks is that request's 400 alone. If the statement fails for any
   * other reason than the database being unreachable, each ticket is retried alone, so one bad row
   * costs only its own request. Only plain statements: no unit of work is involved, so it does not
   * matter which request's context the run starts in.
   */
  private async createMany(items: TicketToCreate[]): Promise<ItemOutcome<CreatedTicket>[]> {
    const { customers, users, numbers, policies } = await this.namesFor(items);
    // Every entry is set below: at once for a ticket that fails its checks, after the write for the others.
    const outcomes: ItemOutcome<CreatedTicket>[] = [];
    const accepted: {
      index: number;
      item: TicketToCreate;
      customer: CustomerSummary;
      number: number;
    }[] = [];
    for (const item of items) {
      try {
        accepted.push({
          index: outcomes.length,
          item,
          customer: checkFields(item, customers, users),
          number: numbers[outcomes.length],
        });
        outcomes.length += 1;
      } catch (error) {
        outcomes.push({ ok: false, error });
      }
    }
    // The rows are written as they are built (new tickets have nothing to compare against), without
    // the unit of work's change tracking or a transaction's extra round trips.
    const write = async (group: typeof accepted): Promise<CreatedTicket[]> => {
      const tickets = group.map(({ item, number }) => Object.assign(newTicket(item, policies), { number }));
      await this.outbox.writeWithEvents(
        this.em,
        insertTickets(tickets),
        TicketCreatedEvent,
        group.map(({ item, customer }, i) => {
          const payload = buildSnapshot(tickets[i], users, customer, item.actorId);
          return { payload, actorId: item.actorId, ...ticketFacets(payload) };
        }),
      );
      return group.map(({ customer }, i) => ({ ticket: tickets[i], customer }));
    };
    const written = await writeTogetherOrAlone(accepted, write, isDatabaseUnavailable);
    accepted.forEach(({ index }, i) => (outcomes[index] = written[i]));
    return outcomes;
  }
}
