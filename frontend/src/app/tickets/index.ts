// The tickets feature's public surface for other features. Its routes table
// (feature/tickets.routes.ts) is loaded lazily by app.routes.ts, not through this file.
export { TicketListItemComponent } from './ui/ticket-list-item.component';
export { LIST_SHORTCUTS } from './ui/list-keys';
export { TICKET_PAGE_SHORTCUTS } from './feature/ticket.page.shortcuts';
