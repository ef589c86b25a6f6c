import { Body, Controller, Delete, Get, HttpCode, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Actor, CurrentActor } from '../../../platform/auth/actor';
import { ApiProblems } from '../../../platform/http/api-problems.decorator';
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

  @Get('macros')
  @ApiOperation({ summary: "The caller's macros and every macro shared with everyone, newest first" })
  @ApiOkResponse({ type: MacroPageDto })
  @ApiProblems(400, 401)
  async listMacros(@CurrentActor() actor: Actor, @Query() query: SearchPageQueryDto): Promise<MacroPageDto> {
    const page = await this.macros.list(actor.userId, query);
    return { items: page.items.map(toMacroDto), nextCursor: page.nextCursor };
  }

  @Post('macros')
  @ApiOperation({
    summary: 'Create a macro (actions are validated per type; templates may use only known placeholders)',
  })
  @ApiCreatedResponse({ type: MacroDto })
  @ApiProblems(400, 401, 403)
  async createMacro(@CurrentActor() actor: Actor, @Body() body: CreateMacroDto): Promise<MacroDto> {
    return toMacroDto(await this.macros.create(actor.userId, { ...body, description: body.description ?? '' }));
  }

  @Get('macros/:id')
  @ApiOperation({ summary: 'One macro the caller may see' })
  @ApiOkResponse({ type: MacroDto })
  @ApiProblems(401, 404)
  async getMacro(@CurrentActor() actor: Actor, @IdParam('id', 'Macro') id: string): Promise<MacroDto> {
    return toMacroDto(await this.macros.getVisible(actor.userId, id));
  }

  @Patch('macros/:id')
  @ApiOperation({ summary: 'Edit a macro (owner only; others get 403 for shared macros)' })
  @ApiOkResponse({ type: MacroDto })
  @ApiProblems(400, 401, 403, 404, 409)
  async updateMacro(
    @CurrentActor() actor: Actor,
    @IdParam('id', 'Macro') id: string,
    @Body() body: UpdateMacroDto,
  ): Promise<MacroDto> {
    const { version, ...changes } = body;
    return toMacroDto(await this.macros.update(actor.userId, id, version, changes));
  }

  @Delete('macros/:id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete a macro (owner only)' })
  @ApiNoContentResponse()
  @ApiProblems(401, 403, 404)
  async deleteMacro(@CurrentActor() actor: Actor, @IdParam('id', 'Macro') id: string): Promise<void> {
    await this.macros.delete(actor.userId, id);
  }

  @Post('tickets/:id/macros/:macroId/preview')
  @HttpCode(200)
  @ApiOperation({ summary: 'The ticket and the comments the macro would add; nothing is saved' })
  @ApiOkResponse({ type: MacroPreviewDto })
  @ApiProblems(400, 401, 403, 404)
  async previewMacroOnTicket(
    @CurrentActor() actor: Actor,
    @IdParam('id', 'Ticket') ticketId: string,
    @IdParam('macroId', 'Macro') macroId: string,
  ): Promise<MacroPreviewDto> {
    const macro = await this.macros.getVisible(actor.userId, macroId);
    const result = await this.tickets.applyActions(actor.userId, ticketId, macro.actions, { dryRun: true });
    return { ticket: await this.views.one(result.ticket), comments: await this.views.comments(result.comments) };
  }

  @Post('tickets/:id/macros/:macroId/apply')
  @HttpCode(200)
  @ApiOperation({ summary: 'Apply every action of the macro in one transaction' })
  @ApiOkResponse({ type: TicketDto })
  @ApiProblems(400, 401, 403, 404, 409)
  async applyMacroToTicket(
    @CurrentActor() actor: Actor,
    @IdParam('id', 'Ticket') ticketId: string,
    @IdParam('macroId', 'Macro') macroId: string,
  ): Promise<TicketDto> {
    const macro = await this.macros.getVisible(actor.userId, macroId);
    const result = await this.tickets.applyActions(actor.userId, ticketId, macro.actions, { dryRun: false });
    return this.views.one(result.ticket);
  }
}
