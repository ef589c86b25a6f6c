import { Module } from '@nestjs/common';
import { TicketsModule } from '../tickets';
import { StatsController } from './api/stats.controller';
import { StatsService } from './application/stats.service';
import { StatsRepository } from './persistence/stats.repository';

/** The dashboard's figures, read from rollups that triggers on `tickets` keep (docs/modules/stats.md). */
@Module({
  imports: [TicketsModule],
  controllers: [StatsController],
  providers: [StatsService, StatsRepository],
})
export class StatsModule {}
