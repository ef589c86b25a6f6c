import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { InvalidFieldError, ResourceNotFoundError } from '../../../platform/errors/domain-error';
import { CursorCodec, Page, toPage } from '../../../platform/pagination/cursor';
import {
  CUSTOMER_EVENT_PLACEHOLDERS,
  describeUnknown,
  TICKET_EVENT_PLACEHOLDERS,
  unknownPlaceholders,
} from '../../../platform/templates/template-renderer';
import { CustomersService } from '../../customers';
import { IdentityService } from '../../identity';
import { TicketsService } from '../../tickets';
import { WebhooksService } from '../../webhooks';
import { evaluateTrigger, TriggerInput } from '../domain/trigger-rules';
import { TICKET_TRIGGER_EVENTS, Trigger, TriggerFields } from '../domain/trigger.entity';
import { webhookBody } from './webhook-body';

export interface DryRunResult {
  fires: boolean;
  reasons: string[];
  message?: { receiver: { id: string; username: string }; body: string };
  delivery?: { webhookId: string; body: string };
}

@Injectable()
export class TriggersService {
  constructor(
    private readonly em: EntityManager,
    private readonly identity: IdentityService,
    private readonly tickets: TicketsService,
    private readonly customers: CustomersService,
    private readonly cursors: CursorCodec,
    private readonly webhooks: WebhooksService,
  ) {}

  async create(ownerId: string, fields: TriggerFields): Promise<Trigger> {
    await this.validate(ownerId, fields, true);
    const trigger = new Trigger(ownerId, fields);
    await this.em.persistAndFlush(trigger);
    return trigger;
  }

  /** Triggers are private to their owner: anyone else gets 404. */
  async getOwned(ownerId: string, id: string): Promise<Trigger> {
    const trigger = await this.em.findOne(Trigger, { id, ownerId });
    if (!trigger) throw new ResourceNotFoundError('Trigger');
    return trigger;
  }

  async update(ownerId: string, id: string, version: number, changes: Partial<TriggerFields>): Promise<Trigger> {
    const trigger = await this.getOwned(ownerId, id);
    await this.validate(
      ownerId,
      {
        name: changes.name ?? trigger.name,
        event: changes.event ?? trigger.event,
        conditions: changes.conditions ?? trigger.conditions,
        recipient: changes.recipient ?? trigger.recipient,
        message: changes.message ?? trigger.message,
        active: changes.active ?? trigger.active,
      },
      changes.recipient !== undefined,
    );
    trigger.update(version, changes);
    await this.em.flush();
    return trigger;
  }

  async delete(ownerId: string, id: string): Promise<void> {
    await this.em.removeAndFlush(await this.getOwned(ownerId, id));
  }

  async list(ownerId: string, query: { limit?: number; cursor?: string }): Promise<Page<Trigger>> {
    const limit = query.limit ?? 10;
    const scope = `triggers:${ownerId}`;
    const after = query.cursor ? this.cursors.decode(query.cursor, scope) : null;
    const triggers = await this.em.find(
      Trigger,
      after
        ? {
            ownerId,
            $or: [{ createdAt: { $lt: after.createdAt } }, { createdAt: after.createdAt, id: { $lt: after.id } }],
          }
        : { ownerId },
      { orderBy: { createdAt: 'desc', id: 'desc' }, limit: limit + 1 },
    );
    return toPage(triggers, limit, this.cursors, scope, (t) => t);
  }

  /** Explains whether the trigger would fire for the ticket or customer, and renders the message. Saves nothing. */
  async dryRun(ownerId: string, id: string, target: { ticketId?: string; customerId?: string }): Promise<DryRunResult> {
    const trigger = await this.getOwned(ownerId, id);
    const now = new Date().toISOString();
    let input: TriggerInput;
    if (TICKET_TRIGGER_EVENTS.includes(trigger.event)) {
      if (!target.ticketId)
        throw new InvalidFieldError('ticketId', `ticketId is required to test a ${trigger.event} trigger`);
      const ticket = await this.tickets.getVisible(ownerId, target.ticketId);
      input = {
        kind: 'ticket',
        eventName: trigger.event,
        occurredAt: now,
        payload: await this.tickets.snapshot(ticket, ownerId),
      };
    } else {
      if (!target.customerId)
        throw new InvalidFieldError('customerId', `customerId is required to test a ${trigger.event} trigger`);
      const customer = await this.customers.get(ownerId, target.customerId);
      const me = await this.identity.getUser(ownerId);
      input = {
        kind: 'customer',
        eventName: trigger.event,
        occurredAt: now,
        actorUsername: me.username,
        payload: {
          customerId: customer.id,
          ownerId,
          name: customer.name,
          email: customer.email,
          company: customer.company,
          deletedAt: now,
        },
      };
    }
    const evaluation = evaluateTrigger(trigger, input);
    if (evaluation.webhookId)
      return {
        fires: evaluation.fires,
        reasons: evaluation.reasons,
        delivery: { webhookId: evaluation.webhookId, body: webhookBody(trigger, input, evaluation.body) },
      };
    if (!evaluation.receiverId) return { fires: false, reasons: evaluation.reasons };
    const receiver = (await this.identity.summaries([evaluation.receiverId])).get(evaluation.receiverId);
    return {
      fires: evaluation.fires,
      reasons: evaluation.reasons,
      message: { receiver: { id: evaluation.receiverId, username: receiver?.username ?? '' }, body: evaluation.body },
    };
  }

  /**
   * Rules the DTO cannot express: they depend on the event or on other rows. The webhook of a
   * webhook recipient is checked when the recipient is set (`checkWebhook`): a trigger whose
   * webhook was deleted can still be edited or deactivated.
   */
  private async validate(ownerId: string, fields: TriggerFields, checkWebhook: boolean): Promise<void> {
    const ticketEvent = TICKET_TRIGGER_EVENTS.includes(fields.event);
    if (!ticketEvent) {
      const conditions = fields.conditions ?? {};
      const used = (Object.keys(conditions) as (keyof typeof conditions)[]).filter(
        (k) => (conditions[k]?.length ?? 0) > 0,
      );
      if (used.length > 0)
        throw new InvalidFieldError(
          `conditions.${used[0]}`,
          `conditions apply to ticket events only, not ${fields.event}`,
        );
      if (fields.recipient.kind !== 'user' && fields.recipient.kind !== 'webhook')
        throw new InvalidFieldError(
          'recipient.kind',
          `${fields.recipient.kind} is only for ticket events; ${fields.event} needs kind "user" or "webhook"`,
        );
    }
    if (fields.recipient.kind === 'user') {
      if (!fields.recipient.userId)
        throw new InvalidFieldError('recipient.userId', 'recipient.userId is required with kind "user"');
      if (!(await this.identity.findUser(fields.recipient.userId)))
        throw new InvalidFieldError('recipient.userId', 'recipient.userId must be the id of a user');
    } else if (fields.recipient.userId !== undefined) {
      throw new InvalidFieldError('recipient.userId', `recipient.userId goes only with kind "user"`);
    }
    if (fields.recipient.kind === 'webhook') {
      if (!fields.recipient.webhookId)
        throw new InvalidFieldError('recipient.webhookId', 'recipient.webhookId is required with kind "webhook"');
      if (checkWebhook) await this.webhooks.assertOwnedFor(ownerId, fields.recipient.webhookId, 'recipient.webhookId');
    } else if (fields.recipient.webhookId !== undefined) {
      throw new InvalidFieldError('recipient.webhookId', `recipient.webhookId goes only with kind "webhook"`);
    }
    const allowed = ticketEvent ? TICKET_EVENT_PLACEHOLDERS : CUSTOMER_EVENT_PLACEHOLDERS;
    const unknown = unknownPlaceholders(fields.message, allowed);
    if (unknown.length > 0) throw new InvalidFieldError('message', describeUnknown(unknown, allowed));
  }
}
