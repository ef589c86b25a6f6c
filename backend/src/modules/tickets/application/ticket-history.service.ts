import { Injectable } from '@nestjs/common';
import { InvalidFieldError, ResourceNotFoundError } from '../../../platform/errors/domain-error';
import { EventLog } from '../../../platform/live/event-log';
import type { LogEntry } from '../../../platform/live/live-views';
import { formatPosition, LogPosition, parsePosition } from '../../../platform/live/log-position';
import { CursorCodec, Page, pageRequest } from '../../../platform/pagination/cursor';
import {
  ChangeVia,
  HistoryAction,
  TICKET_HISTORY_ACTIONS,
  TicketChange,
  TicketEventPayload,
} from '../domain/events/ticket.events';
import { TicketsRepository } from '../persistence/tickets.repository';

/** One change of a ticket as its history shows it. */
export interface HistoryItem {
  id: string;
  at: string;
  actor: { id: string; username: string } | null;
  via: ChangeVia;
  action: HistoryAction;
  changes: TicketChange[];
}

/**
 * A ticket's history: its entries of the event log (every change publishes one in its own
 * transaction), oldest first. The log is the one source: there is no second record of changes.
 */
@Injectable()
export class TicketHistory {
  constructor(
    private readonly tickets: TicketsRepository,
    private readonly log: EventLog,
    private readonly cursors: CursorCodec,
  ) {}

  async list(
    actorId: string,
    ticketId: string,
    query: { limit?: number; cursor?: string },
  ): Promise<Page<HistoryItem>> {
    if (!(await this.tickets.isVisible(actorId, ticketId))) throw new ResourceNotFoundError('Ticket');
    const scope = `history:${ticketId}`;
    const { limit, after } = pageRequest(this.cursors, scope, query);
    const from: LogPosition | null = after ? parsePosition(after.id) : null;
    if (after && !from) throw new InvalidFieldError('cursor', 'cursor is malformed or was not issued for this list');
    const entries = (await this.log.about(ticketId, from, limit + 1)).filter((e) => e.name in TICKET_HISTORY_ACTIONS);
    const page = entries.slice(0, limit);
    const last = page[page.length - 1];
    return {
      items: page.map(toItem),
      nextCursor:
        entries.length > limit && last
          ? this.cursors.encode({ createdAt: last.occurredAt, id: formatPosition(last.position) }, scope)
          : null,
    };
  }
}

function toItem(entry: LogEntry): HistoryItem {
  const p = entry.payload as TicketEventPayload;
  return {
    id: formatPosition(entry.position),
    at: entry.occurredAt.toISOString(),
    actor: entry.actorId ? { id: entry.actorId, username: p.actor?.username ?? '' } : null,
    via: p.via ?? { kind: entry.actorId ? 'user' : 'automation' },
    action: TICKET_HISTORY_ACTIONS[entry.name],
    changes: p.changes ?? [],
  };
}
