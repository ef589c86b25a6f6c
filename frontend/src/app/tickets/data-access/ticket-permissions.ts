import type { Ticket } from './ticket.model';

/**
 * How the signed-in user relates to a ticket. Only the creator and the assignee can see a
 * ticket at all; a user who assigned a ticket to themselves is its creator here (they may
 * change everything).
 */
export type TicketRole = 'creator' | 'assignee' | 'none';

export interface TicketPermissions {
  readonly role: TicketRole;
  /** Edit is offered (all fields for the creator, status and priority for the assignee). */
  readonly canEdit: boolean;
  readonly canEditAllFields: boolean;
  /** Delete is the creator's alone. */
  readonly canDelete: boolean;
  /** "Mark complete" (when not closed) — creator or assignee. */
  readonly canClose: boolean;
  /** "Reopen" (when closed) — creator or assignee. */
  readonly canReopen: boolean;
  readonly canComment: boolean;
}

type TicketParties = Pick<Ticket, 'status' | 'creator' | 'assignee'>;

export function ticketRole(
  ticket: Pick<Ticket, 'creator' | 'assignee'>,
  userId: string | null | undefined,
): TicketRole {
  if (!userId) {
    return 'none';
  }
  if (ticket.creator.id === userId) {
    return 'creator';
  }
  return ticket.assignee.id === userId ? 'assignee' : 'none';
}

export function ticketPermissions(ticket: TicketParties, userId: string | null | undefined): TicketPermissions {
  const role = ticketRole(ticket, userId);
  const involved = role !== 'none';
  const closed = ticket.status === 'closed';
  return {
    role,
    canEdit: involved,
    canEditAllFields: role === 'creator',
    canDelete: role === 'creator',
    canClose: involved && !closed,
    canReopen: involved && closed,
    canComment: involved,
  };
}
