import { TicketComment } from './domain/ticket-comment.entity';
import { Ticket } from './domain/ticket.entity';

export { TicketsModule } from './tickets.module';
export { TicketsService } from './application/tickets.service';
export { TicketViews } from './api/ticket-views';
export { CommentDto, TicketDto, UserRefDto } from './api/dto/ticket.response.dto';
export {
  TicketClosedEvent,
  TicketCreatedEvent,
  TicketDeletedEvent,
  TicketReopenedEvent,
} from './domain/events/ticket.events';
export type { TicketEventPayload } from './domain/events/ticket.events';
export * from './domain/ticket.enums';
export * from './domain/ticket-action';

/** The entities this module owns, for the ORM's root configuration. */
export const TICKETS_ENTITIES = [Ticket, TicketComment];
