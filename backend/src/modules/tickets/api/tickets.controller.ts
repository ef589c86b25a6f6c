import { Body, Controller, Inject, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Actor, CurrentActor } from '../../../platform/auth/actor';
import {
  ActionEndpoint,
  CreateEndpoint,
  DeleteEndpoint,
  GetEndpoint,
  PatchEndpoint,
} from '../../../platform/http/endpoint.decorator';
import { IdParam } from '../../../platform/http/id.pipe';
import { PageQueryDto } from '../../../platform/pagination/page-query.dto';
import { InvalidFieldError } from '../../../platform/errors/domain-error';
import { SavedViews } from '../application/saved-views.service';
import { TicketsService } from '../application/tickets.service';
import { MACRO_LOOKUP, MacroLookup } from '../domain/ticket-action';
import { ListTicketsInViewQueryDto } from './dto/saved-view.dto';
import { CreateCommentDto, CreateTicketDto, UpdateTicketDto } from './dto/ticket.dto';
import { CommentDto, CommentPageDto, TicketDto, TicketPageDto } from './dto/ticket.response.dto';
import { TicketViews } from './ticket-views';

@ApiTags('tickets')
@Controller()
export class TicketsController {
  constructor(
    private readonly tickets: TicketsService,
    private readonly views: TicketViews,
    @Inject(MACRO_LOOKUP) private readonly macros: MacroLookup,
    private readonly savedViews: SavedViews,
  ) {}

  @GetEndpoint('tickets', {
    summary: "The caller's tickets: outgoing (created), incoming (assigned) or all, filtered, searched and sorted",
    description:
      "`box` is `all` by default; `status`, `priority`, `type`, `topic`, `customerId` and `assigneeId` filter (all must hold); `q` searches word prefixes of the title and description, the customer's name and email, and ticket numbers (`#1042`); `sort` orders (newest first by default). Keyset-paged with `limit` and `cursor` under every sort. `overdue=true` keeps the overdue tickets (due time passed, open or pending); `sort=due` puts the soonest due first and tickets without `dueAt` last. `view` lists one of your saved views (its filters and sort, each replaced by the same parameter when given; an unknown or another user's view is `404`).",
    returns: TicketPageDto,
    problems: [400, 401, 404],
  })
  async listTickets(@CurrentActor() actor: Actor, @Query() query: ListTicketsInViewQueryDto): Promise<TicketPageDto> {
    const { view, ...explicit } = query;
    const listed = view ? await this.savedViews.listQuery(actor.userId, view, explicit) : explicit;
    const page = await this.tickets.list(actor.userId, listed);
    return { items: await this.views.many(page.items), nextCursor: page.nextCursor };
  }

  @GetEndpoint('users/:id/tickets', {
    summary: 'Tickets created by a user that the caller may see',
    description: 'Tickets whose creator is the user and whose creator or assignee is the caller, newest first.',
    returns: TicketPageDto,
    problems: [400, 401, 404],
  })
  async listUserTickets(
    @CurrentActor() actor: Actor,
    @IdParam('id', 'User') userId: string,
    @Query() query: PageQueryDto,
  ): Promise<TicketPageDto> {
    const page = await this.tickets.listCreatedBy(actor.userId, userId, query);
    return { items: await this.views.many(page.items), nextCursor: page.nextCursor };
  }

  @CreateEndpoint('tickets', {
    summary: 'Create a ticket (it starts open)',
    description:
      "The customer must be one of the caller's; the assignee any user, the caller included. Without `dueAt` the ticket is due as the caller's due policy says for its priority. With `macroId` the macro is applied in the same transaction. Publishes `ticket.created`.",
    returns: TicketDto,
    problems: [400, 401, 403],
  })
  async createTicket(@CurrentActor() actor: Actor, @Body() body: CreateTicketDto): Promise<TicketDto> {
    const { macroId, dueAt, ...fields } = body;
    const actions = macroId ? await this.macros.actionsFor(actor.userId, macroId) : [];
    if (!actions) throw new InvalidFieldError('macroId', 'macroId must be the id of a macro you can use');
    const { ticket, customer } = await this.tickets.create(
      actor.userId,
      {
        ...fields,
        description: fields.description ?? '',
        photoUrl: fields.photoUrl ?? null,
        dueAt: dueAt === undefined ? undefined : dueAt === null ? null : new Date(dueAt),
      },
      actions,
      macroId ? { kind: 'macro', id: macroId } : undefined,
    );
    return this.views.one(ticket, customer);
  }

  @GetEndpoint('tickets/:id', {
    summary: 'One ticket (creator and assignee only)',
    description: 'Anyone else gets `404`, exactly as for a ticket that does not exist.',
    returns: TicketDto,
    problems: [401, 404],
  })
  async getTicket(@CurrentActor() actor: Actor, @IdParam('id', 'Ticket') id: string): Promise<TicketDto> {
    return this.views.one(await this.tickets.readVisible(actor.userId, id));
  }

  @PatchEndpoint('tickets/:id', {
    summary: 'Edit a ticket: the creator any field, the assignee status and priority only',
    description:
      "Send the fields to change and the `version` you read; a stale version is `409` and changes nothing. A status change to `closed` publishes `ticket.closed`. `dueAt` is the creator's (`null` clears it); a new due time that passes publishes `ticket.overdue` again.",
    returns: TicketDto,
    problems: [400, 401, 403, 404, 409],
  })
  async updateTicket(
    @CurrentActor() actor: Actor,
    @IdParam('id', 'Ticket') id: string,
    @Body() body: UpdateTicketDto,
  ): Promise<TicketDto> {
    const { version, dueAt, ...changes } = body;
    return this.views.one(
      await this.tickets.update(actor.userId, id, version, {
        ...changes,
        dueAt: dueAt === undefined ? undefined : dueAt === null ? null : new Date(dueAt),
      }),
    );
  }

  @ActionEndpoint('tickets/:id/close', {
    summary: 'Mark as complete (publishes ticket.closed); 409 if already closed',
    description:
      'Sets `status=closed` and `closedAt` for the creator or the assignee, and publishes `ticket.closed` in the same transaction, once per transition. Takes no body.',
    returns: TicketDto,
    problems: [401, 403, 404, 409],
  })
  async closeTicket(@CurrentActor() actor: Actor, @IdParam('id', 'Ticket') id: string): Promise<TicketDto> {
    const { ticket, customer } = await this.tickets.close(actor.userId, id);
    return this.views.one(ticket, customer);
  }

  @ActionEndpoint('tickets/:id/reopen', {
    summary: 'Reopen a closed ticket; 409 if it is not closed',
    description: 'Sets `status=open` and clears `closedAt`, for the creator or the assignee. Takes no body.',
    returns: TicketDto,
    problems: [401, 403, 404, 409],
  })
  async reopenTicket(@CurrentActor() actor: Actor, @IdParam('id', 'Ticket') id: string): Promise<TicketDto> {
    const { ticket, customer } = await this.tickets.reopen(actor.userId, id);
    return this.views.one(ticket, customer);
  }

  @DeleteEndpoint('tickets/:id', {
    summary: 'Delete a ticket (creator only; the assignee gets 403)',
    description: 'Deletes the ticket and its conversation. Takes no body.',
    problems: [401, 403, 404],
  })
  async deleteTicket(@CurrentActor() actor: Actor, @IdParam('id', 'Ticket') id: string): Promise<void> {
    await this.tickets.delete(actor.userId, id);
  }

  @GetEndpoint('tickets/:id/comments', {
    summary: 'The conversation on a ticket, oldest first',
    description: 'Creator and assignee only; keyset-paged with `limit` and `cursor`.',
    returns: CommentPageDto,
    problems: [400, 401, 404],
  })
  async listTicketComments(
    @CurrentActor() actor: Actor,
    @IdParam('id', 'Ticket') id: string,
    @Query() query: PageQueryDto,
  ): Promise<CommentPageDto> {
    const page = await this.tickets.listComments(actor.userId, id, query);
    return { items: await this.views.comments(page.items), nextCursor: page.nextCursor };
  }

  @CreateEndpoint('tickets/:id/comments', {
    summary: 'Reply on a ticket',
    description: 'Adds a comment as the caller (creator or assignee).',
    returns: CommentDto,
    problems: [400, 401, 403, 404],
  })
  async createTicketComment(
    @CurrentActor() actor: Actor,
    @IdParam('id', 'Ticket') id: string,
    @Body() body: CreateCommentDto,
  ): Promise<CommentDto> {
    const comment = await this.tickets.addComment(actor.userId, id, body.body);
    return (await this.views.comments([comment]))[0];
  }
}
