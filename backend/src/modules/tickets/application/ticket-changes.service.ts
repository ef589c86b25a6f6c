import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { InvalidFieldError, StaleVersionError } from '../../../platform/errors/domain-error';
import { Outbox } from '../../../platform/outbox/outbox.service';
import { CustomersService, CustomerSummary } from '../../customers';
import { IdentityService } from '../../identity';
import { ChangeVia, TicketDeletedEvent, TicketEventPayload } from '../domain/events/ticket.events';
import type { TicketRecord } from '../domain/ticket-record';
import { assertMayDelete, assertMayEdit } from '../domain/ticket-rules';
import { StatusTransition, Ticket, TicketFields } from '../domain/ticket.entity';
import { TicketStatus } from '../domain/ticket.enums';
import { updateTicketAtVersion } from '../persistence/ticket.statements';
import { TicketsRepository } from '../persistence/tickets.repository';
import { changesBetween, eventOf, TicketEventPublisher, ticketFacets } from './ticket-events.publisher';
import { TicketQueries } from './ticket-queries.service';
import { TicketSnapshots } from './ticket-snapshots.service';

export interface TicketChanges extends Partial<TicketFields> {
  status?: TicketStatus;
}

/** Reads and conditional writes a close or reopen tries before it answers 409 (each retry follows a concurrent change). */
const TRANSITION_ATTEMPTS = 3;

/** Changes to one ticket: edits (unit of work), close and reopen (one statement), deletion. */
@Injectable()
export class TicketChangesService {
  constructor(
    private readonly em: EntityManager,
    private readonly outbox: Outbox,
    private readonly identity: IdentityService,
    private readonly customers: CustomersService,
    private readonly queries: TicketQueries,
    private readonly snapshots: TicketSnapshots,
    private readonly events: TicketEventPublisher,
  ) {}

  /**
   * The creator may change every field; the assignee only status and priority (403 otherwise).
   * `version` is the one the client read (a stale one is 409); `undefined` means "the stored one"
   * (a bulk change, which reads nothing first; the flush is still guarded by the version it loaded).
   */
  async update(
    actorId: string,
    id: string,
    version: number | undefined,
    changes: TicketChanges,
    via?: ChangeVia,
  ): Promise<Ticket> {
    const ticket = await this.queries.getVisible(actorId, id);
    assertMayEdit(
      ticket,
      actorId,
      Object.entries(changes)
        .filter(([, value]) => value !== undefined)
        .map(([field]) => field),
    );
    if (version !== undefined) ticket.assertVersion(version);
    const { status, ...fields } = changes;
    if (
      fields.customerId !== undefined &&
      fields.customerId !== ticket.customerId &&
      !(await this.customers.isLiveCustomerOf(ticket.creatorId, fields.customerId))
    ) {
      throw new InvalidFieldError('customerId', 'customerId must be the id of one of your customers');
    }
    if (
      fields.assigneeId !== undefined &&
      fields.assigneeId !== ticket.assigneeId &&
      !(await this.identity.summaries([fields.assigneeId], { fresh: true })).has(fields.assigneeId)
    ) {
      throw new InvalidFieldError('assigneeId', 'assigneeId must be the id of a user');
    }
    const before = { ...ticket };
    ticket.edit(fields);
    const transition = status === undefined ? null : ticket.changeStatus(status);
    if (changesBetween(before, ticket).length === 0) {
      // Nothing differs: nothing is written, the version stays, nothing is published.
      ticket.updatedAt = before.updatedAt;
      return ticket;
    }
    await this.events.publishChange(this.em, before, ticket, [transition], actorId, via);
    await this.em.flush();
    return ticket;
  }

  /** Closes a visible ticket; returns it with its customer as the event's snapshot read it (the response shows it). */
  close(actorId: string, id: string, via?: ChangeVia): Promise<{ ticket: TicketRecord; customer?: CustomerSummary }> {
    return this.transition(actorId, id, (ticket) => ticket.close(), via);
  }

  reopen(actorId: string, id: string, via?: ChangeVia): Promise<{ ticket: TicketRecord; customer?: CustomerSummary }> {
    return this.transition(actorId, id, (ticket) => ticket.reopen(), via);
  }

  /**
   * Close and reopen without the unit of work: the visible ticket is read with SQL, the entity's
   * rule is applied to a detached copy (409s come from there), and one statement writes the
   * columns the rule changed, guarded by the version read, together with the event. A concurrent
   * change or deletion makes the statement match nothing and write nothing; the rule is then
   * applied to the newer state (which answers 404 or 409, or succeeds).
   */
  private async transition(
    actorId: string,
    id: string,
    apply: (ticket: Ticket) => StatusTransition,
    via?: ChangeVia,
  ): Promise<{ ticket: TicketRecord; customer?: CustomerSummary }> {
    for (let attempt = 1; ; attempt++) {
      const current = await this.queries.readVisible(actorId, id);
      const ticket = Ticket.fromRecord(current);
      const transition = apply(ticket);
      if (transition === null) return { ticket: current };
      const { payload, customer } = await this.snapshots.withCustomer(ticket, actorId, {
        changes: changesBetween(current, ticket),
        via,
        version: current.version + 1,
      });
      const written = await this.outbox.writeIfChanged<Record<string, unknown>, TicketEventPayload>(
        this.em,
        updateTicketAtVersion(current, ticket),
        eventOf(transition),
        { payload, actorId, ...ticketFacets(payload) },
      );
      if (written[0]) return { ticket: TicketsRepository.toRecords(written)[0], customer };
      if (attempt === TRANSITION_ATTEMPTS) throw new StaleVersionError('Ticket');
    }
  }

  async delete(actorId: string, id: string, via?: ChangeVia): Promise<void> {
    const ticket = await this.queries.getVisible(actorId, id);
    assertMayDelete(ticket, actorId);
    const payload = await this.snapshots.of(ticket, actorId, { via });
    this.outbox.publish(this.em, TicketDeletedEvent, payload, actorId, ticketFacets(payload));
    this.em.remove(ticket);
    await this.em.flush();
  }
}
