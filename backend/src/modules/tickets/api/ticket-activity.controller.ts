import { Body, Controller, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Actor, CurrentActor } from '../../../platform/auth/actor';
import { GetEndpoint, SignalEndpoint } from '../../../platform/http/endpoint.decorator';
import { IdParam } from '../../../platform/http/id.pipe';
import { PageQueryDto } from '../../../platform/pagination/page-query.dto';
import { TicketActivity } from '../application/ticket-activity.service';
import { HistoryPageDto, ReportPresenceDto } from './dto/ticket-activity.dto';

/** What happens around a ticket besides its fields: its history, and who is on it now. */
@ApiTags('tickets')
@Controller('tickets/:id')
export class TicketActivityController {
  constructor(private readonly activity: TicketActivity) {}

  @GetEndpoint('history', {
    summary: "A ticket's history, oldest first",
    description:
      'Every change as it was committed: who, when, through what (a person, a macro by name, a trigger, an automation, a bulk change), the action and each field `from → to`. Creator and assignee only; keyset-paged with `limit` and `cursor`.',
    returns: HistoryPageDto,
    problems: [400, 401, 404],
  })
  listTicketHistory(
    @CurrentActor() actor: Actor,
    @IdParam('id', 'Ticket') id: string,
    @Query() query: PageQueryDto,
  ): Promise<HistoryPageDto> {
    return this.activity.history(actor.userId, id, query);
  }

  @SignalEndpoint('presence', {
    summary: 'Say that you are viewing or editing a ticket, or that you left',
    description:
      'Others who may see the ticket get a `presence` event on their live streams (`GET /api/events`). A presence not reported again within 60 s expires, which sends `left`. Creator and assignee only.',
    problems: [400, 401, 404],
  })
  reportTicketPresence(
    @CurrentActor() actor: Actor,
    @IdParam('id', 'Ticket') id: string,
    @Body() body: ReportPresenceDto,
  ): Promise<void> {
    return this.activity.reportPresence(actor.userId, id, body.state);
  }
}
