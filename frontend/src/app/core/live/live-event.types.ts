import type { CommentDto, MessageDto, PresenceState, TicketDto, UserRefDto } from '@bw/sdk';

/**
 * The named events of `GET /api/events` (the contract's "Live events"), with `presence` and
 * `reset` handled apart: presence is not in the log, and `reset` means "reload everything".
 */
export const LIVE_EVENT_NAMES = [
  'ticket.created',
  'ticket.updated',
  'ticket.closed',
  'ticket.reopened',
  'ticket.deleted',
  'ticket.overdue',
  'comment.created',
  'message.created',
  'message.read',
] as const;
export type LiveEventName = (typeof LIVE_EVENT_NAMES)[number];

export const TICKET_EVENT_NAMES = [
  'ticket.created',
  'ticket.updated',
  'ticket.closed',
  'ticket.reopened',
  'ticket.deleted',
  'ticket.overdue',
] as const satisfies readonly LiveEventName[];
export type TicketEventName = (typeof TICKET_EVENT_NAMES)[number];

export type UserRef = UserRefDto;

/**
 * An event's `data`. `ticket` is the ticket right after the change (its `version` says which);
 * an assignee who lost the ticket gets only `ticketId`. `actor` is `null` for the system.
 */
export interface LiveEventData {
  readonly ticketId?: string;
  readonly ticket?: TicketDto;
  readonly comment?: CommentDto;
  readonly message?: MessageDto;
  readonly actor: UserRef | null;
  readonly at: string;
}

export interface LiveEvent<N extends LiveEventName = LiveEventName> {
  /** The stream's event id (what `Last-Event-ID` resumes after). */
  readonly id: string;
  readonly name: N;
  readonly data: LiveEventData;
}

export type { PresenceState };
export const PRESENCE_STATES: readonly PresenceState[] = ['viewing', 'editing', 'left'];

/** `event: presence`: someone else opened, is editing, or left a ticket the caller may see. */
export interface PresenceEvent {
  readonly ticketId: string;
  readonly user: UserRef;
  readonly state: PresenceState;
}

/** The ticket an event is about, if any. */
export function eventTicketId(event: LiveEvent): string | null {
  return event.data.ticketId ?? event.data.ticket?.id ?? null;
}

export function isTicketEvent(event: LiveEvent): event is LiveEvent<TicketEventName> {
  return (TICKET_EVENT_NAMES as readonly string[]).includes(event.name);
}
