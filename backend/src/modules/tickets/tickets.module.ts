import { MikroOrmModule } from '@mikro-orm/nestjs';
import { Module } from '@nestjs/common';
import { CustomersModule } from '../customers';
import { IdentityModule } from '../identity';
import { TicketViews } from './api/ticket-views';
import { TicketActivityController } from './api/ticket-activity.controller';
import { TicketBulkController } from './api/ticket-bulk.controller';
import { TicketLiveViews } from './api/ticket-live.views';
import { SavedViewsController } from './api/saved-views.controller';
import { TicketsController } from './api/tickets.controller';
import { DuePolicyController } from './api/due-policy.controller';
import { OverdueScheduler } from './application/overdue-scheduler.service';
import { DuePoliciesRepository } from './persistence/due-policies.repository';
import { MacroApplication } from './application/macro-application.service';
import { TicketActivity } from './application/ticket-activity.service';
import { TicketBulkChanges } from './application/ticket-bulk.service';
import { TicketChangesService } from './application/ticket-changes.service';
import { TicketComments } from './application/ticket-comments.service';
import { TicketCreation } from './application/ticket-creation.service';
import { TicketEventPublisher } from './application/ticket-events.publisher';
import { TicketHistory } from './application/ticket-history.service';
import { TicketQueries } from './application/ticket-queries.service';
import { TicketSnapshots } from './application/ticket-snapshots.service';
import { SavedViews } from './application/saved-views.service';
import { TicketsService } from './application/tickets.service';
import { TicketComment } from './domain/ticket-comment.entity';
import { SavedView } from './domain/saved-view.entity';
import { Ticket } from './domain/ticket.entity';
import { SavedViewsRepository } from './persistence/saved-views.repository';
import { TicketsRepository } from './persistence/tickets.repository';

@Module({
  imports: [MikroOrmModule.forFeature([Ticket, TicketComment, SavedView]), IdentityModule, CustomersModule],
  controllers: [
    TicketsController,
    TicketActivityController,
    TicketBulkController,
    SavedViewsController,
    DuePolicyController,
  ],
  providers: [
    TicketsService,
    TicketViews,
    TicketsRepository,
    TicketQueries,
    TicketSnapshots,
    MacroApplication,
    TicketCreation,
    TicketChangesService,
    TicketComments,
    TicketEventPublisher,
    TicketHistory,
    TicketActivity,
    TicketLiveViews,
    TicketBulkChanges,
    SavedViews,
    SavedViewsRepository,
    DuePoliciesRepository,
    OverdueScheduler,
  ],
  exports: [TicketsService, TicketViews],
})
export class TicketsModule {}
