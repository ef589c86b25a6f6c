import { Body, Controller, Query } from '@nestjs/common';
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
import { SearchPageQueryDto } from '../../../platform/pagination/page-query.dto';
import { TicketDto, TicketsService, TicketViews } from '../../tickets';
import { MacrosService } from '../application/macros.service';
import { CreateMacroDto, UpdateMacroDto } from './dto/macro.dto';
import { MacroDto, MacroPageDto, MacroPreviewDto } from './dto/macro.response.dto';
import { toMacroDto } from './macro.mapper';

@ApiTags('macros')
@Controller()
export class MacrosController {
  constructor(
    private readonly macros: MacrosService,
    private readonly tickets: TicketsService,
    private readonly views: TicketViews,
  ) {}

  @GetEndpoint('macros', {
    summary: "The caller's macros and every macro shared with everyone, newest first",
    description: 'Keyset-paged with `limit` and `cursor`; `q` matches part of the name.',
    returns: MacroPageDto,
    problems: [400, 401],
  })
  async listMacros(@CurrentActor() actor: Actor, @Query() query: SearchPageQueryDto): Promise<MacroPageDto> {
    const page = await this.macros.list(actor.userId, query);
    return { items: page.items.map(toMacroDto), nextCursor: page.nextCursor };
  }

  @CreateEndpoint('macros', {
    summary: 'Create a macro (actions are validated per type; templates may use only known placeholders)',
    description:
      "Each action's `value` must fit its `type`: a status, priority, type or topic value, a user id for `set_assignee`, or comment text for `add_comment`. `availableFor: everyone` shares it with all users, who may apply but not change it.",
    returns: MacroDto,
    problems: [400, 401, 403],
  })
  async createMacro(@CurrentActor() actor: Actor, @Body() body: CreateMacroDto): Promise<MacroDto> {
    return toMacroDto(await this.macros.create(actor.userId, { ...body, description: body.description ?? '' }));
  }

  @GetEndpoint('macros/:id', {
    summary: 'One macro the caller may see',
    description: "The caller's own macro or one shared with everyone; any other is `404`.",
    returns: MacroDto,
    problems: [401, 404],
  })
  async getMacro(@CurrentActor() actor: Actor, @IdParam('id', 'Macro') id: string): Promise<MacroDto> {
    return toMacroDto(await this.macros.getVisible(actor.userId, id));
  }

  @PatchEndpoint('macros/:id', {
    summary: 'Edit a macro (owner only; others get 403 for shared macros)',
    description:
      'Send the fields to change and the `version` you read; a stale version is `409` and changes nothing. A shared macro of someone else is `403`, a private one `404`.',
    returns: MacroDto,
    problems: [400, 401, 403, 404, 409],
  })
  async updateMacro(
    @CurrentActor() actor: Actor,
    @IdParam('id', 'Macro') id: string,
    @Body() body: UpdateMacroDto,
  ): Promise<MacroDto> {
    const { version, ...changes } = body;
    return toMacroDto(await this.macros.update(actor.userId, id, version, changes));
  }

  @DeleteEndpoint('macros/:id', {
    summary: 'Delete a macro (owner only)',
    description: 'Deletes the macro; tickets it was applied to keep what it did. Takes no body.',
    problems: [401, 403, 404],
  })
  async deleteMacro(@CurrentActor() actor: Actor, @IdParam('id', 'Macro') id: string): Promise<void> {
    await this.macros.delete(actor.userId, id);
  }

  @ActionEndpoint('tickets/:id/macros/:macroId/preview', {
    summary: 'The ticket and the comments the macro would add; nothing is saved',
    description:
      "Renders the macro's actions against the ticket as they would apply now (templates filled in, assignee rules checked) and returns the ticket and the comments as they would be. Takes no body.",
    returns: MacroPreviewDto,
    problems: [400, 401, 403, 404],
  })
  async previewMacroOnTicket(
    @CurrentActor() actor: Actor,
    @IdParam('id', 'Ticket') ticketId: string,
    @IdParam('macroId', 'Macro') macroId: string,
  ): Promise<MacroPreviewDto> {
    const macro = await this.macros.getVisible(actor.userId, macroId);
    const result = await this.tickets.applyActions(actor.userId, ticketId, macro.actions, { dryRun: true });
    return { ticket: await this.views.one(result.ticket), comments: await this.views.comments(result.comments) };
  }

  @ActionEndpoint('tickets/:id/macros/:macroId/apply', {
    summary: 'Apply every action of the macro in one transaction',
    description:
      'All actions or none. A `set_status` to `closed` publishes `ticket.closed`, which fires the matching triggers once. The assignee may apply only actions that change status and priority or add a comment. Takes no body.',
    returns: TicketDto,
    problems: [400, 401, 403, 404, 409],
  })
  async applyMacroToTicket(
    @CurrentActor() actor: Actor,
    @IdParam('id', 'Ticket') ticketId: string,
    @IdParam('macroId', 'Macro') macroId: string,
  ): Promise<TicketDto> {
    const macro = await this.macros.getVisible(actor.userId, macroId);
    const result = await this.tickets.applyActions(actor.userId, ticketId, macro.actions, {
      dryRun: false,
      via: { kind: 'macro', id: macro.id, name: macro.name },
    });
    return this.views.one(result.ticket);
  }
}
