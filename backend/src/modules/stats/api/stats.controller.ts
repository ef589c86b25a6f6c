import { Controller, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Actor, CurrentActor } from '../../../platform/auth/actor';
import { GetEndpoint } from '../../../platform/http/endpoint.decorator';
import { StatsService } from '../application/stats.service';
import { StatsQueryDto } from './dto/stats.dto';
import { StatsDto } from './dto/stats.response.dto';

@ApiTags('stats')
@Controller()
export class StatsController {
  constructor(private readonly stats: StatsService) {}

  @GetEndpoint('stats', {
    summary: "The dashboard's figures over the caller's boxes",
    description:
      'Tickets the caller created or is assigned, each counted once. `days` has one entry per local date from `from` to `to` in `tz` (23 or 25 hours on daylight-saving days), zero days included; `open` and `overdue` are figures of now. The figures are the tickets as they are: a reopened ticket no longer counts as closed, a deleted one no longer counts at all, a reassigned one moves to its new assignee.',
    returns: StatsDto,
    problems: [400, 401],
  })
  async getStats(@CurrentActor() actor: Actor, @Query() query: StatsQueryDto): Promise<StatsDto> {
    return this.stats.figures(actor.userId, query);
  }
}
