import type {
  CreateTriggerDto,
  RecipientKind,
  TicketPriority,
  TicketTopic,
  TicketType,
  TriggerConditionsDto,
  TriggerDto,
  TriggerEvent,
  TriggerRecipientDto,
  TriggerTestResultDto,
  UpdateTriggerDto,
} from '@bw/sdk';
import { CUSTOMER_EVENT_PLACEHOLDERS, type Placeholder, TICKET_EVENT_PLACEHOLDERS } from '@bw/shared';
import { priorityLabel, topicLabel, typeLabel } from '../../shared/ticket-fields/ticket-labels';
import type { PickerOption } from '../../shared/pickers/picker-options';

export type Trigger = TriggerDto;
export type TriggerTestResult = TriggerTestResultDto;
export type { RecipientKind, TriggerEvent };

/** Limits from the API, mirrored so the form can say so before a round trip. */
export const TRIGGERS_PAGE_SIZE = 20;

export const TRIGGER_EVENTS: readonly TriggerEvent[] = [
  'ticket.closed',
  'ticket.created',
  'ticket.overdue',
  'customer.deleted',
];
const TICKET_EVENTS: readonly TriggerEvent[] = ['ticket.closed', 'ticket.created', 'ticket.overdue'];

/** Each event's name in the UI and the hint under the event field saying when it fires. */
const EVENTS: Readonly<Record<TriggerEvent, { readonly label: string; readonly hint: string }>> = {
  'ticket.closed': { label: 'Ticket closed', hint: 'When a ticket you created or are assigned is closed' },
  'ticket.created': { label: 'Ticket created', hint: 'When a ticket is created by you or assigned to you' },
  'ticket.overdue': {
    label: 'Ticket overdue',
    hint: 'When a ticket you created or are assigned passes its due date while open or pending',
  },
  'customer.deleted': { label: 'Customer deleted', hint: 'When one of your customers is deleted' },
};

const RECIPIENT_LABELS: Readonly<Record<RecipientKind, string>> = {
  ticket_creator: 'The ticket’s creator',
  ticket_assignee: 'The ticket’s assignee',
  user: 'A specific user',
  webhook: 'A webhook',
};

/** "Ticket closed" for `ticket.closed`; unknown event names are shown as they are. */
export function eventLabel(event: string): string {
  return EVENTS[event as TriggerEvent]?.label ?? event;
}

/** When a trigger of this event fires, for the hint under the event field. */
export function eventHint(event: TriggerEvent): string {
  return EVENTS[event].hint;
}

export function isTicketEvent(event: TriggerEvent): boolean {
  return TICKET_EVENTS.includes(event);
}

export function recipientKindLabel(kind: RecipientKind): string {
  return RECIPIENT_LABELS[kind];
}

/** Who can receive the message of a trigger on `event`: a ticket's people only for ticket events. */
export function recipientKindsFor(event: TriggerEvent): readonly RecipientKind[] {
  return isTicketEvent(event) ? ['ticket_creator', 'ticket_assignee', 'user', 'webhook'] : ['user', 'webhook'];
}

/** The placeholders a trigger's message may use for `event`. */
export function placeholdersFor(event: TriggerEvent): readonly Placeholder[] {
  return isTicketEvent(event) ? TICKET_EVENT_PLACEHOLDERS : CUSTOMER_EVENT_PLACEHOLDERS;
}

/** What the trigger form starts from. */
export interface TriggerFormInitial {
  readonly name: string;
  readonly event: TriggerEvent;
  readonly priority: readonly TicketPriority[];
  readonly type: readonly TicketType[];
  readonly topic: readonly TicketTopic[];
  readonly recipientKind: RecipientKind;
  readonly recipientUser: PickerOption | null;
  /** The webhook of a webhook recipient ('' when none). */
  readonly recipientWebhook: string;
  readonly message: string;
  readonly active: boolean;
}

/** What the trigger form hands back. */
export interface TriggerFormValue {
  readonly name: string;
  readonly event: TriggerEvent;
  readonly conditions: TriggerConditionsDto;
  readonly recipient: TriggerRecipientDto;
  readonly message: string;
  readonly active: boolean;
}

export const NEW_TRIGGER_FORM: TriggerFormInitial = {
  name: '',
  event: 'ticket.closed',
  priority: [],
  type: [],
  topic: [],
  recipientKind: 'ticket_creator',
  recipientUser: null,
  recipientWebhook: '',
  message: '',
  active: true,
};

export function triggerToFormInitial(trigger: Trigger, userName: (id: string) => string | null): TriggerFormInitial {
  const userId = trigger.recipient.kind === 'user' ? trigger.recipient.userId : undefined;
  return {
    name: trigger.name,
    event: trigger.event,
    priority: trigger.conditions.priority ?? [],
    type: trigger.conditions.type ?? [],
    topic: trigger.conditions.topic ?? [],
    recipientKind: trigger.recipient.kind,
    recipientUser: userId ? { id: userId, label: userName(userId) ?? 'Unknown user' } : null,
    recipientWebhook: trigger.recipient.kind === 'webhook' ? (trigger.recipient.webhookId ?? '') : '',
    message: trigger.message,
    active: trigger.active,
  };
}

/** Only the conditions that say something (an empty list means "any"); none for customer events. */
export function normalizeConditions(event: TriggerEvent, conditions: TriggerConditionsDto): TriggerConditionsDto {
  if (!isTicketEvent(event)) return {};
  const out: { -readonly [K in keyof TriggerConditionsDto]: TriggerConditionsDto[K] } = {};
  if (conditions.priority?.length) out.priority = [...conditions.priority];
  if (conditions.type?.length) out.type = [...conditions.type];
  if (conditions.topic?.length) out.topic = [...conditions.topic];
  return out;
}

function sameList(a: readonly string[] | undefined, b: readonly string[] | undefined): boolean {
  const x = [...(a ?? [])].sort();
  const y = [...(b ?? [])].sort();
  return x.length === y.length && x.every((value, i) => value === y[i]);
}

function sameConditions(a: TriggerConditionsDto, b: TriggerConditionsDto): boolean {
  return sameList(a.priority, b.priority) && sameList(a.type, b.type) && sameList(a.topic, b.topic);
}

export function toCreateTriggerBody(value: TriggerFormValue): CreateTriggerDto {
  const conditions = normalizeConditions(value.event, value.conditions);
  return {
    name: value.name,
    event: value.event,
    ...(Object.keys(conditions).length > 0 ? { conditions } : {}),
    recipient: value.recipient,
    message: value.message,
    active: value.active,
  };
}

/** The PATCH body: only what changed, with the version the form was filled from; `null` when nothing changed. */
export function toUpdateTriggerBody(trigger: Trigger, value: TriggerFormValue): UpdateTriggerDto | null {
  const changes: { -readonly [K in keyof UpdateTriggerDto]?: UpdateTriggerDto[K] } = {};
  if (value.name !== trigger.name) changes.name = value.name;
  if (value.event !== trigger.event) changes.event = value.event;
  const conditions = normalizeConditions(value.event, value.conditions);
  if (!sameConditions(conditions, trigger.conditions)) changes.conditions = conditions;
  if (
    value.recipient.kind !== trigger.recipient.kind ||
    (value.recipient.userId ?? null) !== (trigger.recipient.userId ?? null) ||
    (value.recipient.webhookId ?? null) !== (trigger.recipient.webhookId ?? null)
  ) {
    changes.recipient = value.recipient;
  }
  if (value.message !== trigger.message) changes.message = value.message;
  if (value.active !== trigger.active) changes.active = value.active;
  return Object.keys(changes).length === 0 ? null : { ...changes, version: trigger.version };
}

/** "Priority is High or Urgent · Topic is Billing", or "Every ticket" / "Every customer". */
export function describeConditions(trigger: Pick<Trigger, 'event' | 'conditions'>): string {
  if (!isTicketEvent(trigger.event)) return 'Any of your customers';
  const parts: string[] = [];
  const c = trigger.conditions;
  if (c.priority?.length) parts.push(`Priority is ${c.priority.map(priorityLabel).join(' or ')}`);
  if (c.type?.length) parts.push(`Type is ${c.type.map(typeLabel).join(' or ')}`);
  if (c.topic?.length) parts.push(`Topic is ${c.topic.map(topicLabel).join(' or ')}`);
  return parts.length > 0 ? parts.join(' · ') : 'Any ticket';
}

/** "The ticket’s creator", or the user's name. */
export function describeRecipient(recipient: Trigger['recipient'], userName: (id: string) => string | null): string {
  if (recipient.kind === 'user') {
    return recipient.userId ? (userName(recipient.userId) ?? 'a user') : 'a user';
  }
  return recipientKindLabel(recipient.kind);
}

/** Request-body field → form control, for placing the server's field errors. */
export const TRIGGER_FIELD_TO_CONTROL = {
  'conditions.priority': 'priority',
  'conditions.type': 'type',
  'conditions.topic': 'topic',
  conditions: 'priority',
  'recipient.kind': 'recipientKind',
  'recipient.userId': 'recipientUser',
  'recipient.webhookId': 'recipientWebhook',
  recipient: 'recipientKind',
} as const;

export const TRIGGER_FORM_CONTROLS = [
  'name',
  'event',
  'priority',
  'type',
  'topic',
  'recipientKind',
  'recipientUser',
  'recipientWebhook',
  'message',
  'active',
] as const;
export type TriggerFormControl = (typeof TRIGGER_FORM_CONTROLS)[number];
