import { Entity, Property } from '@mikro-orm/core';
import { VersionedEntity } from '../../../platform/domain/base.entity';
import { StaleVersionError } from '../../../platform/errors/domain-error';
import type { TicketPriority, TicketTopic, TicketType } from '../../tickets';

export const TRIGGER_EVENTS = ['ticket.closed', 'ticket.created', 'ticket.overdue', 'customer.deleted'] as const;
export type TriggerEvent = (typeof TRIGGER_EVENTS)[number];
export const TICKET_TRIGGER_EVENTS: readonly TriggerEvent[] = ['ticket.closed', 'ticket.created', 'ticket.overdue'];

export const RECIPIENT_KINDS = ['ticket_creator', 'ticket_assignee', 'user', 'webhook'] as const;
export type RecipientKind = (typeof RECIPIENT_KINDS)[number];

export interface TriggerConditions {
  priority?: TicketPriority[];
  type?: TicketType[];
  topic?: TicketTopic[];
}

export interface TriggerRecipient {
  kind: RecipientKind;
  userId?: string;
  /** With kind `webhook`: one of the owner's webhooks (the webhooks module's). */
  webhookId?: string;
}

export interface TriggerFields {
  name: string;
  event: TriggerEvent;
  conditions: TriggerConditions;
  recipient: TriggerRecipient;
  message: string;
  active: boolean;
}

/** "When <event> happens to my tickets (or customers) and <conditions> hold, send <message> to <recipient>." */
@Entity({ tableName: 'triggers' })
export class Trigger extends VersionedEntity {
  @Property({ type: 'uuid' })
  ownerId: string;

  @Property({ type: 'text' })
  name: string;

  @Property({ type: 'text' })
  event: TriggerEvent;

  @Property({ type: 'json' })
  conditions: TriggerConditions;

  @Property({ type: 'json' })
  recipient: TriggerRecipient;

  @Property({ type: 'text' })
  message: string;

  @Property({ type: 'boolean' })
  active: boolean;

  constructor(ownerId: string, fields: TriggerFields) {
    super();
    this.ownerId = ownerId;
    this.name = fields.name;
    this.event = fields.event;
    this.conditions = fields.conditions;
    this.recipient = fields.recipient;
    this.message = fields.message;
    this.active = fields.active;
  }

  update(version: number, changes: Partial<TriggerFields>): void {
    if (version !== this.version) throw new StaleVersionError('Trigger');
    Object.assign(this, Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined)));
    this.updatedAt = new Date();
  }
}
