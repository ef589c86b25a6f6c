import type { CustomerDeletedPayload } from '../../customers';
import type { TicketEventPayload } from '../../tickets';
import { renderTemplate, TemplateValues } from '../../../platform/templates/template-renderer';
import { Trigger, TriggerConditions } from './trigger.entity';

/** What a trigger's rules read: the entity, or the same fields read with SQL. */
export type TriggerRule = Pick<
  Trigger,
  'id' | 'name' | 'ownerId' | 'event' | 'conditions' | 'recipient' | 'message' | 'active'
>;

/** What a trigger sees of an event: enough to check conditions, pick a recipient and render. */
export type TriggerInput =
  | { kind: 'ticket'; eventName: string; occurredAt: string; payload: TicketEventPayload }
  | { kind: 'customer'; eventName: string; occurredAt: string; payload: CustomerDeletedPayload; actorUsername: string };

export interface Evaluation {
  fires: boolean;
  reasons: string[];
  receiverId: string | null;
  /** With a webhook recipient: the webhook the delivery goes to (receiverId is null then). */
  webhookId: string | null;
  body: string;
}

/** Checks one trigger against one event, explaining each decision (used by delivery and the dry run). */
export function evaluateTrigger(trigger: TriggerRule, input: TriggerInput): Evaluation {
  const reasons: string[] = [];
  let fires = true;
  if (!trigger.active) {
    fires = false;
    reasons.push('The trigger is inactive.');
  }
  if (trigger.event !== input.eventName) {
    fires = false;
    reasons.push(`The trigger listens to ${trigger.event}, not ${input.eventName}.`);
  }
  if (input.kind === 'ticket') {
    const ticket = input.payload.ticket;
    for (const key of ['priority', 'type', 'topic'] as const) {
      const wanted = trigger.conditions[key as keyof TriggerConditions] as string[] | undefined;
      if (!wanted || wanted.length === 0) continue;
      if (wanted.includes(ticket[key])) reasons.push(`${key} ${ticket[key]} is one of ${wanted.join(', ')}.`);
      else {
        fires = false;
        reasons.push(`${key} ${ticket[key]} is not one of ${wanted.join(', ')}.`);
      }
    }
  }
  const webhookId = trigger.recipient.kind === 'webhook' ? (trigger.recipient.webhookId ?? null) : null;
  const receiverId = webhookId ? null : recipientOf(trigger, input);
  if (!receiverId && !webhookId) {
    fires = false;
    reasons.push(`The recipient ${trigger.recipient.kind} does not apply to ${input.eventName}.`);
  }
  if (fires) reasons.push('All conditions hold: the trigger fires.');
  return { fires, reasons, receiverId, webhookId, body: renderTemplate(trigger.message, templateValues(input)) };
}

export function recipientOf(trigger: TriggerRule, input: TriggerInput): string | null {
  switch (trigger.recipient.kind) {
    case 'user':
      return trigger.recipient.userId ?? null;
    case 'ticket_creator':
      return input.kind === 'ticket' ? input.payload.creator.id : null;
    case 'ticket_assignee':
      return input.kind === 'ticket' ? input.payload.assignee.id : null;
    case 'webhook':
      return null;
  }
}

const EVENT_TIME = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'UTC',
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** `{{event.at}}` as people read it, "2 Dec 2026, 18:04 UTC" (the receiver's time zone is not known). */
export function readableTime(iso: string): string {
  const at = new Date(iso);
  return Number.isNaN(at.getTime()) ? iso : `${EVENT_TIME.format(at)} UTC`;
}

export function templateValues(input: TriggerInput): TemplateValues {
  if (input.kind === 'ticket') {
    const p = input.payload;
    return {
      'ticket.title': p.ticket.title,
      'ticket.id': p.ticket.id,
      'ticket.status': p.ticket.status,
      'ticket.due_at': p.ticket.dueAt ? readableTime(p.ticket.dueAt) : '',
      'customer.name': p.customer.name,
      'customer.email': p.customer.email,
      'assignee.username': p.assignee.username,
      'current_user.username': p.actor?.username ?? '',
      'event.name': input.eventName,
      'event.at': readableTime(input.occurredAt),
    };
  }
  return {
    'customer.name': input.payload.name,
    'customer.email': input.payload.email,
    'current_user.username': input.actorUsername,
    'event.name': input.eventName,
    'event.at': readableTime(input.occurredAt),
  };
}
