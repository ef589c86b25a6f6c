export const TICKET_TYPES = ['question', 'incident', 'problem', 'task'] as const;
export const TICKET_PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const;
export const TICKET_TOPICS = [
  'general',
  'billing',
  'technical',
  'account',
  'office_supplies',
  'facilities',
  'hr',
  'other',
] as const;
export const TICKET_STATUSES = ['open', 'pending', 'closed'] as const;
export const TICKET_BOXES = ['incoming', 'outgoing', 'all'] as const;
/** The list's sorts. */
export const TICKET_SORTS = ['newest', 'oldest', 'updated', 'priority', 'due'] as const;

export type TicketType = (typeof TICKET_TYPES)[number];
export type TicketPriority = (typeof TICKET_PRIORITIES)[number];
export type TicketTopic = (typeof TICKET_TOPICS)[number];
export type TicketStatus = (typeof TICKET_STATUSES)[number];
export type TicketBox = (typeof TICKET_BOXES)[number];
export type TicketSort = (typeof TICKET_SORTS)[number];
