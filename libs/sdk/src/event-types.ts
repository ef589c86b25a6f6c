import type { CommentDto, MessageDto, PresenceState, TicketDto } from './generated/index.js';

/**
 * The events of the log (`GET /api/events`): each has an `id`, and a stream resumed with
 * `Last-Event-ID` replays every later one exactly once, in commit order.
 */
export const LOGGED_EVENT_NAMES = [
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

/** Every event name a stream carries: the logged ones, `presence` (no id, never replayed) and `reset` (reload everything). */
export const LIVE_EVENT_NAMES = [...LOGGED_EVENT_NAMES, 'presence', 'reset'] as const;

export type LoggedEventName = (typeof LOGGED_EVENT_NAMES)[number];
export type LiveEventName = (typeof LIVE_EVENT_NAMES)[number];
export type TicketEventName = Extract<LoggedEventName, `ticket.${string}`>;
export type MessageEventName = Extract<LoggedEventName, `message.${string}`>;

/** Who made a change (`null`: the system, e.g. an automation). */
export interface EventActor {
  id: string;
  username: string;
}

/** The `data` of every logged event: `{ticketId?, ticket?, comment?, message?, actor, at}`. */
export interface ChangeEventData {
  ticketId?: string;
  ticket?: TicketDto;
  comment?: CommentDto;
  message?: MessageDto;
  actor: EventActor | null;
  /** When the change committed (ISO 8601). */
  at: string;
}

/**
 * A ticket changed. `ticket` is the ticket right after the change, as `GET /api/tickets/:id` shows
 * it (its `version` says which); it is absent for `ticket.deleted` and for an assignee who lost the
 * ticket (that reader gets this one `ticket.updated` and nothing after it).
 */
export interface TicketEventData extends ChangeEventData {
  ticketId: string;
}

export interface CommentEventData extends ChangeEventData {
  ticketId: string;
  comment: CommentDto;
}

/** A message the caller sent or received was created or read. */
export interface MessageEventData extends ChangeEventData {
  message: MessageDto;
}

/** Someone else is viewing or editing a ticket the caller may see, or left it (or their presence expired). */
export interface PresenceEventData {
  ticketId: string;
  user: EventActor;
  state: PresenceState;
}

/** `reset`: the stream cannot be resumed where the caller left off; reload everything, then follow the stream. */
export type ResetEventData = Record<string, unknown>;

/** The `data` type of each event name. */
export interface LiveEventDataMap {
  'ticket.created': TicketEventData;
  'ticket.updated': TicketEventData;
  'ticket.closed': TicketEventData;
  'ticket.reopened': TicketEventData;
  'ticket.deleted': TicketEventData;
  'ticket.overdue': TicketEventData;
  'comment.created': CommentEventData;
  'message.created': MessageEventData;
  'message.read': MessageEventData;
  presence: PresenceEventData;
  reset: ResetEventData;
}

type Logged = { [N in LoggedEventName]: { id: string; event: N; data: LiveEventDataMap[N] } }[LoggedEventName];
type Unlogged = {
  [N in Exclude<LiveEventName, LoggedEventName>]: { id?: undefined; event: N; data: LiveEventDataMap[N] };
}[Exclude<LiveEventName, LoggedEventName>];

/**
 * One event of a live stream, discriminated on `event`: `if (e.event === 'comment.created') e.data.comment`.
 * Logged events have an `id`; `presence` and `reset` have none.
 */
export type LiveEvent = Logged | Unlogged;

/** The event of one name: `LiveEventOf<'ticket.closed'>`. */
export type LiveEventOf<N extends LiveEventName> = Extract<LiveEvent, { event: N }>;
