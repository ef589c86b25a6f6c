import type { TicketBox, TicketPriority, TicketStatus, TicketTopic, TicketType } from './ticket-fields';

const TOPIC_LABELS: Readonly<Record<TicketTopic, string>> = {
  general: 'General',
  billing: 'Billing',
  technical: 'Technical',
  account: 'Account',
  office_supplies: 'Office supplies',
  facilities: 'Facilities',
  hr: 'HR',
  other: 'Other',
};

const STATUS_LABELS: Readonly<Record<TicketStatus, string>> = { open: 'Open', pending: 'Pending', closed: 'Closed' };
const BOX_LABELS: Readonly<Record<TicketBox, string>> = { incoming: 'Incoming', outgoing: 'Outgoing', all: 'All' };

function capitalize(value: string): string {
  return value.charAt(0).toUpperCase() + value.slice(1);
}

export const typeLabel = (type: TicketType): string => capitalize(type);
export const priorityLabel = (priority: TicketPriority): string => capitalize(priority);
export const topicLabel = (topic: TicketTopic): string =>
  TOPIC_LABELS[topic] ?? capitalize(String(topic).replace(/_/g, ' '));
export const statusLabel = (status: TicketStatus): string => STATUS_LABELS[status] ?? capitalize(String(status));
export const boxLabel = (box: TicketBox): string => BOX_LABELS[box];
