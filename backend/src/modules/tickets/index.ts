import { TicketComment } from './domain/ticket-comment.entity';
import { SavedView } from './domain/saved-view.entity';
import { Ticket } from './domain/ticket.entity';

export { TicketsModule } from './tickets.module';
export { TicketsService } from './application/tickets.service';
export { TicketViews } from './api/ticket-views';
export { CommentDto, TicketDto, UserRefDto } from './api/dto/ticket.response.dto';
export {
  CommentCreatedEvent,
  TicketClosedEvent,
  TicketCreatedEvent,
  TicketDeletedEvent,
  TicketOverdueEvent,
  TicketReopenedEvent,
  TicketUpdatedEvent,
} from './domain/events/ticket.events';
export type { ChangeVia, CommentCreatedPayload, TicketEventPayload } from './domain/events/ticket.events';
export * from './domain/ticket.enums';
export * from './domain/ticket-action';

/** The entities this module owns, for the ORM's root configuration. */
export const TICKETS_ENTITIES = [Ticket, TicketComment, SavedView];
