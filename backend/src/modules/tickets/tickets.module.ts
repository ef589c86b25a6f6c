import { MikroOrmModule } from '@mikro-orm/nestjs';
import { Module } from '@nestjs/common';
import { CustomersModule } from '../customers';
import { IdentityModule } from '../identity';
import { TicketViews } from './api/ticket-views';
import { TicketsController } from './api/tickets.controller';
import { TicketsService } from './application/tickets.service';
import { TicketComment } from './domain/ticket-comment.entity';
import { Ticket } from './domain/ticket.entity';

@Module({
  imports: [MikroOrmModule.forFeature([Ticket, TicketComment]), IdentityModule, CustomersModule],
  controllers: [TicketsController],
  providers: [TicketsService, TicketViews],
  exports: [TicketsService, TicketViews],
})
export class TicketsModule {}
