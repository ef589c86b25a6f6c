import { TICKET_PRIORITIES, TICKET_STATUSES, TICKET_TOPICS, TICKET_TYPES } from './ticket.enums';

/** The changes a macro can make to a ticket, applied in order. */
export const TICKET_ACTION_TYPES = [
  'set_status',
  'set_priority',
  'set_type',
  'set_topic',
  'set_assignee',
  'add_comment',
] as const;
export type TicketActionType = (typeof TICKET_ACTION_TYPES)[number];

export interface TicketAction {
  type: TicketActionType;
  value: string;
}

/** Allowed values of the enum-valued actions. */
export const ACTION_ENUMS: Partial<Record<TicketActionType, readonly string[]>> = {
  set_status: TICKET_STATUSES,
  set_priority: TICKET_PRIORITIES,
  set_type: TICKET_TYPES,
  set_topic: TICKET_TOPICS,
};

/** What the assignee (not the creator) may apply: the same fields it may PATCH, plus comments. */
export const ASSIGNEE_ACTIONS: ReadonlySet<TicketActionType> = new Set(['set_status', 'set_priority', 'add_comment']);

/**
 * Port through which the tickets module asks for a macro's actions when a ticket is created with
 * `macroId`; the macros module implements it. `null` means the caller cannot see that macro.
 */
export const MACRO_LOOKUP = Symbol('MACRO_LOOKUP');
export interface MacroLookup {
  actionsFor(actorId: string, macroId: string): Promise<TicketAction[] | null>;
}
