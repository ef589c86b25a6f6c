// Public surface of @balanced-workspace/sdk. Everything under ./generated is produced by
// `npm run sdk` from ../openapi.json and never edited by hand; the files beside this one are
// the hand-written parts: the client factory, the problem types and the live-event stream. One
// file per concern, each exported from here.
export * from './generated/index.js';
export { createConfig } from './generated/client/index.js';
export type { Client, Config, RequestResult } from './generated/client/index.js';
export { client, createClient, defaultBaseUrl, DEFAULT_BASE_URL, withApiErrors } from './client.js';
export type { CreateClientOptions, TokenSource } from './client.js';
export { ApiError, isProblem, PROBLEM_CODES } from './problem.js';
export type { Problem, ProblemCode } from './problem.js';
export { liveEvents } from './events.js';
export type { LiveEventsOptions, LiveEventStream, LiveRetry } from './events.js';
export { LIVE_EVENT_NAMES, LOGGED_EVENT_NAMES } from './event-types.js';
export type {
  ChangeEventData,
  CommentEventData,
  EventActor,
  LiveEvent,
  LiveEventDataMap,
  LiveEventName,
  LiveEventOf,
  LoggedEventName,
  MessageEventData,
  MessageEventName,
  PresenceEventData,
  ResetEventData,
  TicketEventData,
  TicketEventName,
} from './event-types.js';
