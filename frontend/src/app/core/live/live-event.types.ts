import type {
  ChangeEventData,
  LoggedEventName,
  PresenceEventData,
  PresenceState,
  TicketEventName,
  UserRefDto,
} from '@bw/sdk';

/**
 * The logged events of `GET /api/events` (the contract's "Live events"), with `presence` and
 * `reset` handled apart: presence is not in the log, and `reset` means "reload everything".
 * The SDK's `LoggedEventName` is the list's type, checked both ways below, so a name the SDK
 * gains fails the build here (importing the SDK's runtime list would cost the initial bundle).
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
] as const satisfies readonly LoggedEventName[];
export type LiveEventName = LoggedEventName;
export type { TicketEventName };
const everyLoggedName: [Exclude<LoggedEventName, (typeof LIVE_EVENT_NAMES)[number]>] extends [never] ? true : never =
  true;
void everyLoggedName;

export const TICKET_EVENT_NAMES: readonly TicketEventName[] = LIVE_EVENT_NAMES.filter((name): name is TicketEventName =>
  name.startsWith('ticket.'),
);

export type UserRef = UserRefDto;

/**
 * An event's `data`. `ticket` is the ticket right after the change (its `version` says which);
 * an assignee who lost the ticket gets only `ticketId`. `actor` is `null` for the system.
 */
export type LiveEventData = Readonly<ChangeEventData>;

export interface LiveEvent<N extends LiveEventName = LiveEventName> {
  /** The stream's event id (what `Last-Event-ID` resumes after). */
  readonly id: string;
  readonly name: N;
  readonly data: LiveEventData;
}

export type { PresenceState };
export const PRESENCE_STATES: readonly PresenceState[] = ['viewing', 'editing', 'left'];

/** `event: presence`: someone else opened, is editing, or left a ticket the caller may see. */
export type PresenceEvent = Readonly<PresenceEventData>;

/** The ticket an event is about, if any. */
export function eventTicketId(event: LiveEvent): string | null {
  return event.data.ticketId ?? event.data.ticket?.id ?? null;
}

export function isTicketEvent(event: LiveEvent): event is LiveEvent<TicketEventName> {
  return (TICKET_EVENT_NAMES as readonly string[]).includes(event.name);
}
