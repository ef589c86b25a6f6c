import { Injectable, OnModuleInit } from '@nestjs/common';
import { LiveViews, LogEntry } from '../../../platform/live/live-views';
import type { CommentCreatedPayload, TicketEventPayload } from '../domain/events/ticket.events';
import type { CommentDto, TicketDto } from './dto/ticket.response.dto';

const TICKET_EVENTS = [
  'ticket.created',
  'ticket.updated',
  'ticket.closed',
  'ticket.reopened',
  'ticket.deleted',
  'ticket.overdue',
] as const;

/** The ticket as `GET /api/tickets/:id` shows it, from an event's snapshot (the state right after that change). */
export function ticketFromSnapshot(p: TicketEventPayload): TicketDto {
  const t = p.ticket;
  return {
    id: t.id,
    number: t.number ?? 0,
    title: t.title,
    description: t.description ?? '',
    type: t.type,
    priority: t.priority,
    topic: t.topic,
    status: t.status,
    photoUrl: t.photoUrl ?? null,
    customerId: t.customerId ?? p.customer.id,
    assigneeId: t.assigneeId ?? p.assignee.id,
    version: t.version ?? 1,
    createdAt: t.createdAt ?? '',
    updatedAt: t.updatedAt ?? '',
    closedAt: t.closedAt,
    dueAt: t.dueAt ?? null,
    overdue: t.overdue ?? false,
    creator: p.creator,
    assignee: p.assignee,
    customer: { ...p.customer, deleted: p.customer.deleted ?? false },
  };
}

/** Who may see the ticket after the change: its creator and (current) assignee. */
const seesTicket = (p: TicketEventPayload, readerId: string) => readerId === p.creator.id || readerId === p.assignee.id;

/**
 * What the live streams show of the tickets module's events: the ticket right after the change
 * (or the comment) to those who may see it, only the ticket's id to an assignee it was taken from,
 * and only the id of a deleted ticket.
 */
@Injectable()
export class TicketLiveViews implements OnModuleInit {
  constructor(private readonly views: LiveViews) {}

  onModuleInit(): void {
    this.views.register(TICKET_EVENTS, (entry, readerId) => {
      const p = entry.payload as TicketEventPayload;
      const base = envelope(entry, p);
      return entry.name === 'ticket.deleted' || !seesTicket(p, readerId)
        ? base
        : { ...base, ticket: ticketFromSnapshot(p) };
    });
    this.views.register(['comment.created'], (entry, readerId) => {
      const p = entry.payload as CommentCreatedPayload;
      if (!seesTicket(p, readerId)) return null;
      const comment: CommentDto = p.comment;
      return { ...envelope(entry, p), comment };
    });
  }
}

function envelope(entry: LogEntry, p: TicketEventPayload) {
  return {
    ticketId: p.ticket.id,
    actor: entry.actorId ? { id: entry.actorId, username: p.actor?.username ?? '' } : null,
    at: entry.occurredAt.toISOString(),
  };
}
