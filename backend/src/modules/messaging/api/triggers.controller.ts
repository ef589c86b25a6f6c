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
import { PageQueryDto } from '../../../platform/pagination/page-query.dto';
import { TriggersService } from '../application/triggers.service';
import { CreateTriggerDto, TestTriggerDto, UpdateTriggerDto } from './dto/trigger.dto';
import { TriggerDto, TriggerPageDto, TriggerTestResultDto } from './dto/messaging.response.dto';
import { toTriggerDto } from './messaging.mapper';

@ApiTags('triggers')
@Controller('triggers')
export class TriggersController {
  constructor(private readonly triggers: TriggersService) {}

  @GetEndpoint('', {
    summary: "The caller's message triggers, newest first",
    description: 'Keyset-paged with `limit` and `cursor`; only the owner sees a trigger.',
    returns: TriggerPageDto,
    problems: [400, 401],
  })
  async listTriggers(@CurrentActor() actor: Actor, @Query() query: PageQueryDto): Promise<TriggerPageDto> {
    const page = await this.triggers.list(actor.userId, query);
    return { items: page.items.map(toTriggerDto), nextCursor: page.nextCursor };
  }

  @CreateEndpoint('', {
    summary: 'Create a message trigger',
    description:
      'A trigger names an event, optional conditions (priority, type, topic; ticket events only), a recipient and a message template. Templates may use only the placeholders of the event; an unknown one is `400` naming the field.',
    returns: TriggerDto,
    problems: [400, 401, 403],
  })
  async createTrigger(@CurrentActor() actor: Actor, @Body() body: CreateTriggerDto): Promise<TriggerDto> {
    return toTriggerDto(
      await this.triggers.create(actor.userId, {
        ...body,
        conditions: body.conditions ?? {},
        active: body.active ?? true,
      }),
    );
  }

  @GetEndpoint(':id', {
    summary: "One of the caller's triggers",
    description: "Another user's trigger is `404`.",
    returns: TriggerDto,
    problems: [401, 404],
  })
  async getTrigger(@CurrentActor() actor: Actor, @IdParam('id', 'Trigger') id: string): Promise<TriggerDto> {
    return toTriggerDto(await this.triggers.getOwned(actor.userId, id));
  }

  @PatchEndpoint(':id', {
    summary: 'Edit, activate or deactivate a trigger',
    description: 'Only the fields sent change; send the `version` you read (a stale one is `409`).',
    returns: TriggerDto,
    problems: [400, 401, 403, 404, 409],
  })
  async updateTrigger(
    @CurrentActor() actor: Actor,
    @IdParam('id', 'Trigger') id: string,
    @Body() body: UpdateTriggerDto,
  ): Promise<TriggerDto> {
    const { version, ...changes } = body;
    return toTriggerDto(await this.triggers.update(actor.userId, id, version, changes));
  }

  @DeleteEndpoint(':id', {
    summary: 'Delete a trigger',
    description: 'Messages it already sent stay. Takes no body.',
    problems: [401, 403, 404],
  })
  async deleteTrigger(@CurrentActor() actor: Actor, @IdParam('id', 'Trigger') id: string): Promise<void> {
    await this.triggers.delete(actor.userId, id);
  }

  @ActionEndpoint(':id/test', {
    summary: 'Dry run: would the trigger fire for this ticket or customer, and what would it send? Saves nothing.',
    description:
      'Explains each condition that matched or failed and renders the message for the recipient. Pass `ticketId` for ticket events or `customerId` for `customer.deleted`.',
    returns: TriggerTestResultDto,
    problems: [400, 401, 403, 404],
  })
  testTrigger(
    @CurrentActor() actor: Actor,
    @IdParam('id', 'Trigger') id: string,
    @Body() body: TestTriggerDto,
  ): Promise<TriggerTestResultDto> {
    return this.triggers.dryRun(actor.userId, id, body);
  }
}
