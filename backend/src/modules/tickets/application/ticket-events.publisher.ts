import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import type { CustomerSummary } from '../../customers';
import { Outbox } from '../../../platform/outbox/outbox.service';
import {
  ChangeVia,
  TicketChange,
  TicketClosedEvent,
  TicketEventPayload,
  TicketReopenedEvent,
  TicketUpdatedEvent,
  ticketAudience,
} from '../domain/events/ticket.events';
import type { TicketRecord } from '../domain/ticket-record';
import type { StatusTransition } from '../domain/ticket.entity';
import { TicketSnapshots } from './ticket-snapshots.service';

/** The fields whose changes the history and the live streams show (derived columns such as closedAt are not). */
export const TRACKED_FIELDS = [
  'title',
  'description',
  'type',
  'priority',
  'topic',
  'status',
  'photoUrl',
  'customerId',
  'assigneeId',
  'dueAt',
] as const satisfies readonly (keyof TicketRecord)[];

/** A ticket's fields as they are now, to compare with after a change. */
export function trackedFields(ticket: TicketRecord): Pick<TicketRecord, (typeof TRACKED_FIELDS)[number]> {
  return Object.fromEntries(TRACKED_FIELDS.map((f) => [f, ticket[f]])) as Pick<
    TicketRecord,
    (typeof TRACKED_FIELDS)[number]
  >;
}

/** A tracked field's value as a change shows it (a time as its ISO text). */
const shown = (value: string | Date | null | undefined): string | null =>
  value instanceof Date ? value.toISOString() : (value ?? null);

export function changesBetween(before: Partial<TicketRecord>, after: TicketRecord): TicketChange[] {
  return TRACKED_FIELDS.filter((f) => shown(before[f]) !== shown(after[f])).map((f) => ({
    field: f,
    from: shown(before[f]),
    to: shown(after[f]),
  }));
}

/** The event a change publishes: its transition's, else `ticket.updated`. */
export const eventOf = (transition: StatusTransition) =>
  transition === 'closed' ? TicketClosedEvent : transition === 'reopened' ? TicketReopenedEvent : TicketUpdatedEvent;

/** What a ticket change's event is filed under in the log: who is told, and the ticket's history. */
export const ticketFacets = (payload: TicketEventPayload) => ({
  audience: ticketAudience(payload),
  subjectId: payload.ticket.id,
});

/**
 * Publishes what a change made in a unit of work did to a ticket, in that unit of work: one event
 * per status transition (a close is `ticket.closed` however it was made), or `ticket.updated` when
 * there was none, each with the ticket as the flush will write it. Nothing when nothing changed.
 * Returns the customer the snapshot read.
 */
@Injectable()
export class TicketEventPublisher {
  constructor(
    private readonly outbox: Outbox,
    private readonly snapshots: TicketSnapshots,
  ) {}

  async publishChange(
    em: EntityManager,
    before: TicketRecord,
    after: TicketRecord,
    transitions: StatusTransition[],
    actorId: string,
    via: ChangeVia = { kind: 'user' },
  ): Promise<CustomerSummary | undefined> {
    const changes = changesBetween(before, after);
    const touched = after.updatedAt.getTime() !== before.updatedAt.getTime();
    const names = transitions.filter((t) => t !== null);
    if (names.length === 0 && changes.length === 0 && !touched) return undefined;
    const previousAssigneeId = before.assigneeId !== after.assigneeId ? before.assigneeId : undefined;
    const { payload, customer } = await this.snapshots.withCustomer(after, actorId, {
      changes,
      via,
      previousAssigneeId,
      version: before.version + 1,
    });
    const events = names.length > 0 ? names : [null];
    events.forEach((transition, i) => {
      // The first event carries every field change; a later transition of the same change only its status.
      const own =
        i === 0 ? payload : { ...payload, changes: (payload.changes ?? []).filter((c) => c.field === 'status') };
      this.outbox.publish(em, eventOf(transition), own, actorId, ticketFacets(own));
    });
    return customer;
  }
}
