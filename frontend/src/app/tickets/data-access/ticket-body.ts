import type { CreateTicketDto, UpdateTicketDto } from '@bw/sdk';
import type { TicketRole } from './ticket-permissions';
import type { Ticket, TicketFilters, TicketFormInitial, TicketFormValue } from './ticket.model';
import { TICKET_BOXES, TICKET_STATUSES } from './ticket.model';

/** The POST /api/tickets body for a filled-in form; an empty description or photo URL is left out. */
export function toCreateTicketBody(value: TicketFormValue): CreateTicketDto {
  return {
    title: value.title,
    customerId: value.customerId,
    assigneeId: value.assigneeId,
    type: value.type,
    priority: value.priority,
    topic: value.topic,
    ...(value.description !== '' ? { description: value.description } : {}),
    ...(value.photoUrl !== '' ? { photoUrl: value.photoUrl } : {}),
    ...(value.dueAt !== '' ? { dueAt: fromLocalInput(value.dueAt) } : {}),
  };
}

/** A `datetime-local` value (the browser's time zone) as an ISO time. */
export function fromLocalInput(local: string): string {
  return new Date(local).toISOString();
}

/** An ISO time as a `datetime-local` value in the browser's time zone, to the minute ('' for none). */
export function toLocalInput(iso: string | null | undefined): string {
  if (!iso) return '';
  const at = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}T${pad(at.getHours())}:${pad(at.getMinutes())}`;
}

/**
 * The PATCH body for an edit: only what changed (so an edit never overwrites a field the
 * user did not touch), limited to what the caller's role may change, plus the `version` the
 * form was filled from. `null` when nothing changed.
 */
export function toUpdateTicketBody(ticket: Ticket, value: TicketFormValue, role: TicketRole): UpdateTicketDto | null {
  const changes: Partial<UpdateTicketDto> = {};
  if (value.status !== ticket.status) changes.status = value.status;
  if (value.priority !== ticket.priority) changes.priority = value.priority;
  if (role === 'creator') {
    if (value.title !== ticket.title) changes.title = value.title;
    if (value.description !== ticket.description) changes.description = value.description;
    if (value.customerId !== ticket.customerId) changes.customerId = value.customerId;
    if (value.assigneeId !== ticket.assigneeId) changes.assigneeId = value.assigneeId;
    if (value.type !== ticket.type) changes.type = value.type;
    if (value.topic !== ticket.topic) changes.topic = value.topic;
    const photoUrl = value.photoUrl === '' ? null : value.photoUrl;
    if (photoUrl !== (ticket.photoUrl ?? null)) changes.photoUrl = photoUrl;
    // Compared at the form's precision (minutes), so an untouched due time is not rewritten.
    if (value.dueAt !== toLocalInput(ticket.dueAt))
      changes.dueAt = value.dueAt === '' ? null : fromLocalInput(value.dueAt);
  }
  return Object.keys(changes).length === 0 ? null : { ...changes, version: ticket.version };
}

/** The form's starting point for editing `ticket`; `meId` labels the caller "Me". */
export function ticketToFormInitial(ticket: Ticket, meId: string | null | undefined): TicketFormInitial {
  return {
    title: ticket.title,
    description: ticket.description,
    customer: {
      id: ticket.customerId,
      label: ticket.customer.deleted ? `${ticket.customer.name} (deleted)` : ticket.customer.name,
      hint: ticket.customer.email,
    },
    assignee: {
      id: ticket.assignee.id,
      label: ticket.assignee.id === meId ? `Me (${ticket.assignee.username})` : ticket.assignee.username,
    },
    type: ticket.type,
    priority: ticket.priority,
    topic: ticket.topic,
    status: ticket.status,
    photoUrl: ticket.photoUrl ?? '',
    dueAt: toLocalInput(ticket.dueAt),
  };
}

/** Reads /tickets' query parameters, ignoring values the API would refuse. */
export function parseTicketFilters(params: {
  box?: string | null;
  status?: string | null;
  q?: string | null;
}): TicketFilters {
  const box = TICKET_BOXES.find((b) => b === params.box) ?? 'all';
  const status = TICKET_STATUSES.find((s) => s === params.status) ?? null;
  return { box, status, q: (params.q ?? '').trim() };
}
