import type { CommentDto } from '@bw/sdk';
import type { PickerOption } from '../../shared/pickers/picker-options';
import type {
  TicketBox,
  TicketPriority,
  TicketStatus,
  TicketTopic,
  TicketType,
} from '../../shared/ticket-fields/ticket-fields';

export type TicketComment = CommentDto;
export {
  type Ticket,
  TICKET_BOXES,
  TICKET_PRIORITIES,
  TICKET_STATUSES,
  TICKET_TOPICS,
  TICKET_TYPES,
  type TicketBox,
  type TicketPriority,
  type TicketStatus,
  type TicketTopic,
  type TicketType,
} from '../../shared/ticket-fields/ticket-fields';
export type { PickerOption };

export const TICKETS_PAGE_SIZE = 10;

/** What the ticket form hands back: trimmed text, picked ids. */
export interface TicketFormValue {
  readonly title: string;
  readonly description: string;
  readonly customerId: string;
  readonly assigneeId: string;
  readonly type: TicketType;
  readonly priority: TicketPriority;
  readonly topic: TicketTopic;
  readonly status: TicketStatus;
  /** '' when there is no photo. */
  readonly photoUrl: string;
  /** A `datetime-local` value in the browser's time zone; '' when none (a new ticket then gets the due policy's). */
  readonly dueAt: string;
}

/** What the form starts from: a ticket being edited, or a new one (possibly for a given customer). */
export interface TicketFormInitial {
  readonly title: string;
  readonly description: string;
  readonly customer: PickerOption | null;
  readonly assignee: PickerOption | null;
  readonly type: TicketType;
  readonly priority: TicketPriority;
  readonly topic: TicketTopic;
  readonly status: TicketStatus;
  readonly photoUrl: string;
  readonly dueAt: string;
}

export const NEW_TICKET_DEFAULTS: TicketFormInitial = {
  title: '',
  description: '',
  customer: null,
  assignee: null,
  type: 'question',
  priority: 'normal',
  topic: 'general',
  status: 'open',
  photoUrl: '',
  dueAt: '',
};

/** The list filters of /tickets, as read from the URL. */
export interface TicketFilters {
  readonly box: TicketBox;
  readonly status: TicketStatus | null;
  readonly q: string;
}
export const COMMENTS_PAGE_SIZE = 20;
