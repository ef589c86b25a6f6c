import { Body, Controller } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Actor, CurrentActor } from '../../../platform/auth/actor';
import { ActionEndpoint } from '../../../platform/http/endpoint.decorator';
import { BulkAction, TicketBulkChanges } from '../application/ticket-bulk.service';
import type { TicketRecord } from '../domain/ticket-record';
import { BulkChangeTicketsDto } from './dto/ticket-bulk.dto';
import { BulkTicketResultDto, BulkTicketResultsDto } from './dto/ticket-bulk.response.dto';
import { TicketViews } from './ticket-views';

@ApiTags('tickets')
@Controller()
export class TicketBulkController {
  constructor(
    private readonly bulk: TicketBulkChanges,
    private readonly views: TicketViews,
  ) {}

  @ActionEndpoint('tickets/bulk', {
    summary: 'One action on up to 100 tickets, each changed as its single-ticket operation would change it',
    description: [
      '`action.type` names the single-ticket operation applied to each id: `close` and `reopen` as `POST /api/tickets/{id}/close` and `/reopen`,',
      '`set_priority`, `set_status` and `set_assignee` as `PATCH /api/tickets/{id}` with that one field (at the version stored when the ticket is changed: a bulk change has read none),',
      '`apply_macro` (`value` = a macro id) as `POST /api/tickets/{id}/macros/{macroId}/apply`, `delete` as `DELETE /api/tickets/{id}`.',
      'Each ticket is changed in its own transaction (up to four at a time), with the same rules and the same events (`ticket.closed`, `ticket.updated`, …) as that operation; the events and the history name the change `via: {kind: "bulk"}`.',
      "The answer is `200` whatever the tickets' outcomes: `results` holds one entry per id, in the request's order, with the `status` the single operation would have answered and either the `ticket` after the change (not for `delete`) or the `problem` it would have answered",
      '(`404` for an id that does not exist or that the caller may not see, `409` for a close of a closed ticket or a reopen of an open one, `403` where the assignee may not do it, such as `set_assignee`, `delete` or a macro that sets more than status and priority).',
      'A ticket that fails changes nothing and does not stop the others.',
      'The request as a whole is `400`, and nothing is changed, when `ids` is empty, longer than 100, holds a non-id or an id twice, when `action.type` is unknown, or when `action.value` does not fit it',
      '(a priority or status value, the id of an existing user for `set_assignee`, the id of a macro the caller may use for `apply_macro`, no value for `close`, `reopen` and `delete`).',
    ].join(' '),
    returns: BulkTicketResultsDto,
    problems: [400, 401],
  })
  async bulkChangeTickets(
    @CurrentActor() actor: Actor,
    @Body() body: BulkChangeTicketsDto,
  ): Promise<BulkTicketResultsDto> {
    const outcomes = await this.bulk.apply(actor.userId, body.ids, body.action as BulkAction);
    const changed = outcomes.flatMap((o) => ('ticket' in o ? [o] : []));
    // The changed tickets' views in one go (two reads for names), not one per ticket.
    const views = await this.views.many(
      changed.map((o) => o.ticket as TicketRecord),
      new Map(changed.flatMap((o) => (o.customer ? [[o.customer.id, o.customer]] : []))),
    );
    const viewOf = new Map(changed.map((o, i) => [o, views[i]]));
    return {
      results: outcomes.map((o): BulkTicketResultDto => {
        const view = viewOf.get(o as (typeof changed)[number]);
        if (view) return { id: o.id, status: o.status, ticket: view };
        if ('problem' in o) return { id: o.id, status: o.status, problem: o.problem };
        return { id: o.id, status: o.status };
      }),
    };
  }
}
