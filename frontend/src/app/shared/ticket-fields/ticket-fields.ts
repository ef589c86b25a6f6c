import type { TicketBox, TicketDto, TicketPriority, TicketStatus, TicketTopic, TicketType } from '@bw/sdk';

/**
 * A ticket's field vocabulary (the API's types and their allowed values), shared by the tickets
 * pages, macro actions ("set priority to …") and trigger conditions ("when the topic is …").
 */
export type Ticket = TicketDto;
export type { TicketBox, TicketPriority, TicketStatus, TicketTopic, TicketType };

export const TICKET_TYPES: readonly TicketType[] = ['question', 'incident', 'problem', 'task'];
export const TICKET_PRIORITIES: readonly TicketPriority[] = ['low', 'normal', 'high', 'urgent'];
export const TICKET_TOPICS: readonly TicketTopic[] = [
  'general',
  'billing',
  'technical',
  'account',
  'office_supplies',
  'facilities',
  'hr',
  'other',
];
export const TICKET_STATUSES: readonly TicketStatus[] = ['open', 'pending', 'closed'];
/** /tickets' tabs, the default first: `all` is both boxes, as the subtitle says and the API defaults to. */
export const TICKET_BOXES: readonly TicketBox[] = ['all', 'incoming', 'outgoing'];
