import type { HistoryAction, HistoryItemDto } from '@bw/sdk';
import { priorityLabel, statusLabel, topicLabel, typeLabel } from '../../shared/ticket-fields/ticket-labels';
import type { TicketPriority, TicketStatus, TicketTopic, TicketType } from './ticket.model';

/** One entry of `GET /api/tickets/:id/history` (the contract's "Ticket history"). */
export type HistoryEntry = HistoryItemDto;

/** An entry as the timeline says it: "alex · changed the ticket · macro “Escalate” · Priority: Normal → Urgent". */
export interface HistoryLine {
  readonly id: string;
  readonly at: string;
  readonly who: string;
  readonly what: string;
  readonly via: string;
  readonly changes: readonly { readonly field: string; readonly from: string; readonly to: string }[];
}

const WHAT: Readonly<Record<HistoryAction, string>> = {
  created: 'created the ticket',
  updated: 'changed the ticket',
  closed: 'marked it complete',
  reopened: 'reopened it',
  commented: 'replied',
  overdue: 'marked it overdue',
};

const FIELD_LABELS: Readonly<Record<string, string>> = {
  title: 'Title',
  description: 'Description',
  status: 'Status',
  priority: 'Priority',
  type: 'Type',
  topic: 'Topic',
  assigneeId: 'Assignee',
  assignee: 'Assignee',
  customerId: 'Customer',
  customer: 'Customer',
  photoUrl: 'Photo',
  dueAt: 'Due',
  closedAt: 'Completed',
};

const ENUM_LABELS: Readonly<Record<string, (value: string) => string>> = {
  status: (v) => statusLabel(v as TicketStatus),
  priority: (v) => priorityLabel(v as TicketPriority),
  type: (v) => typeLabel(v as TicketType),
  topic: (v) => topicLabel(v as TicketTopic),
};

const TEXT_MAX = 80;
const EMPTY = 'none';

function quoted(name: string | null | undefined, fallback: string): string {
  return name ? `${fallback} “${name}”` : fallback;
}

/** Through what the change was made. */
export function viaLabel(via: HistoryEntry['via']): string {
  switch (via.kind) {
    case 'macro':
      return quoted(via.name, 'macro');
    case 'trigger':
      return quoted(via.name, 'trigger');
    case 'automation':
      return 'automation';
    case 'bulk':
      return 'bulk change';
    default:
      return 'by hand';
  }
}

export function fieldLabel(field: string): string {
  return FIELD_LABELS[field] ?? field.replace(/([a-z])([A-Z])/g, '$1 $2').replace(/^./, (c) => c.toUpperCase());
}

/** A field's value in words: enum labels, people and customers by name, dates formatted, long text cut. */
export function valueLabel(
  field: string,
  value: unknown,
  nameOf: (field: string, id: string) => string | null,
  formatDate: (iso: string) => string,
): string {
  if (value === null || value === undefined || value === '') return EMPTY;
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (typeof value === 'object') {
    const named = value as { username?: unknown; name?: unknown };
    const name = named.username ?? named.name;
    return typeof name === 'string' ? name : JSON.stringify(value);
  }
  const text = String(value);
  const label = ENUM_LABELS[field];
  if (label) return label(text);
  if (field.endsWith('Id')) return nameOf(field, text) ?? text;
  if (field.endsWith('At') && !Number.isNaN(Date.parse(text))) return formatDate(text);
  return text.length > TEXT_MAX ? `${text.slice(0, TEXT_MAX - 1)}…` : text;
}

export function historyLine(
  entry: HistoryEntry,
  meId: string | null,
  nameOf: (field: string, id: string) => string | null,
  formatDate: (iso: string) => string,
): HistoryLine {
  const who = entry.actor === null ? 'System' : entry.actor.id === meId ? 'You' : entry.actor.username;
  return {
    id: entry.id,
    at: entry.at,
    who,
    what: WHAT[entry.action] ?? entry.action,
    via: viaLabel(entry.via),
    changes: entry.changes.map((change) => ({
      field: fieldLabel(change.field),
      from: valueLabel(change.field, change.from, nameOf, formatDate),
      to: valueLabel(change.field, change.to, nameOf, formatDate),
    })),
  };
}
