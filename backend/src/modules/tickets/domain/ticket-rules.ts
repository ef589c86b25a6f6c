import type { FilterQuery } from '@mikro-orm/core';
import { ASSIGNEE_ACTIONS, TicketAction } from './ticket-action';
import type { Ticket } from './ticket.entity';
import { AssigneeMayNotEditError, OnlyCreatorMayDeleteError } from './ticket.errors';

/**
 * Who sees a ticket and who may change what, written once. The SQL paths use the same rule
 * (persistence/ticket.statements.ts `visibleTo` is built from TICKET_PARTIES).
 */

/** A ticket is visible to its parties, its creator and its assignee, and to nobody else (404 otherwise). */
export const TICKET_PARTIES = ['creatorId', 'assigneeId'] as const;
export type TicketParty = (typeof TICKET_PARTIES)[number];

export function isVisibleTo(ticket: Pick<Ticket, TicketParty>, userId: string): boolean {
  return TICKET_PARTIES.some((party) => ticket[party] === userId);
}

/** The visibility rule as a MikroORM filter, for the unit-of-work paths. */
export function visibleTo(userId: string): { $or: FilterQuery<Ticket>[] } {
  return {
    $or: TICKET_PARTIES.map((party): FilterQuery<Ticket> => ({
      [party]: userId,
    })),
  };
}

/** The fields the assignee (not the creator) may change; the creator may change every field. */
export const ASSIGNEE_FIELDS: ReadonlySet<string> = new Set(['status', 'priority']);

/** 403 naming the first field the actor may not change. */
export function assertMayEdit(ticket: Pick<Ticket, 'creatorId'>, actorId: string, fields: string[]): void {
  if (ticket.creatorId === actorId) return;
  const forbidden = fields.find((field) => !ASSIGNEE_FIELDS.has(field));
  if (forbidden) throw new AssigneeMayNotEditError(forbidden);
}

/** 403 naming the first macro action the actor may not apply (`actions.<i>.type`). */
export function assertMayApply(ticket: Pick<Ticket, 'creatorId'>, actorId: string, actions: TicketAction[]): void {
  if (ticket.creatorId === actorId) return;
  const index = actions.findIndex((a) => !ASSIGNEE_ACTIONS.has(a.type));
  if (index >= 0) throw new AssigneeMayNotEditError(`actions.${index}.type`);
}

export function assertMayDelete(ticket: Pick<Ticket, 'creatorId'>, actorId: string): void {
  if (ticket.creatorId !== actorId) throw new OnlyCreatorMayDeleteError();
}
