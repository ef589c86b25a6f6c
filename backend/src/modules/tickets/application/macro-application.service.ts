import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { InvalidFieldError, ResourceNotFoundError } from '../../../platform/errors/domain-error';
import { renderTemplate } from '../../../platform/templates/template-renderer';
import { IdentityService } from '../../identity';
import type { ChangeVia } from '../domain/events/ticket.events';
import { TicketAction } from '../domain/ticket-action';
import { TicketComment } from '../domain/ticket-comment.entity';
import { assertMayApply, visibleTo } from '../domain/ticket-rules';
import { StatusTransition, Ticket } from '../domain/ticket.entity';
import { TicketStatus } from '../domain/ticket.enums';
import { TicketEventPublisher } from './ticket-events.publisher';
import { TicketSnapshots } from './ticket-snapshots.service';

/** A macro's actions on a ticket, in the unit of work: the macro engine. */
@Injectable()
export class MacroApplication {
  constructor(
    private readonly em: EntityManager,
    private readonly identity: IdentityService,
    private readonly snapshots: TicketSnapshots,
    private readonly events: TicketEventPublisher,
  ) {}

  /**
   * Applies a macro's actions to a visible ticket, all in one transaction (or, with `dryRun`, in a
   * throw-away unit of work that is never flushed). Returns the ticket and the comments added.
   */
  async apply(
    actorId: string,
    ticketId: string,
    actions: TicketAction[],
    options: { dryRun: boolean; via?: ChangeVia },
  ): Promise<{ ticket: Ticket; comments: TicketComment[] }> {
    const em = options.dryRun ? this.em.fork({ clear: true }) : this.em;
    const ticket = await em.findOne(Ticket, {
      id: ticketId,
      ...visibleTo(actorId),
    });
    if (!ticket) throw new ResourceNotFoundError('Ticket');
    const before = ticket.updatedAt.getTime();
    const comments = await this.applyTo(em, ticket, actorId, actions, options.via);
    if (options.dryRun) {
      // What the stored ticket would look like: a flush that changes anything bumps the version.
      if (ticket.updatedAt.getTime() !== before) ticket.version += 1;
    } else {
      await em.flush();
    }
    return { ticket, comments };
  }

  /** The actions, in order, on a ticket in `em`'s unit of work; their events are published there too. */
  async applyTo(
    em: EntityManager,
    ticket: Ticket,
    actorId: string,
    actions: TicketAction[],
    via: ChangeVia = { kind: 'macro' },
  ): Promise<TicketComment[]> {
    assertMayApply(ticket, actorId, actions);
    const before = { ...ticket };
    const comments: TicketComment[] = [];
    const transitions: StatusTransition[] = [];
    for (const [index, action] of actions.entries()) {
      switch (action.type) {
        case 'set_status':
          transitions.push(ticket.changeStatus(action.value as TicketStatus));
          break;
        case 'set_priority':
          ticket.edit({ priority: action.value as Ticket['priority'] });
          break;
        case 'set_type':
          ticket.edit({ type: action.value as Ticket['type'] });
          break;
        case 'set_topic':
          ticket.edit({ topic: action.value as Ticket['topic'] });
          break;
        case 'set_assignee':
          if (!(await this.identity.findUser(action.value)))
            throw new InvalidFieldError(
              `actions.${index}.value`,
              'the macro assigns the ticket to a user who no longer exists',
            );
          ticket.assignTo(action.value);
          break;
        case 'add_comment': {
          const snapshot = await this.snapshots.of(ticket, actorId);
          const body = renderTemplate(action.value, {
            'ticket.title': ticket.title,
            'ticket.id': ticket.id,
            'customer.name': snapshot.customer.name,
            'customer.email': snapshot.customer.email,
            'assignee.username': snapshot.assignee.username,
            'current_user.username': snapshot.actor?.username ?? '',
          });
          const comment = new TicketComment(ticket.id, actorId, body.slice(0, 10000));
          em.persist(comment);
          comments.push(comment);
          ticket.touch();
          break;
        }
      }
    }
    // One event per transition, in order (a macro that closes publishes ticket.closed like a manual close).
    await this.events.publishChange(em, before, ticket, transitions, actorId, via);
    return comments;
  }
}
