import type { Routes } from '@angular/router';
import { pageRoute } from '../../core/navigation/page-route';
import { unsavedChangesGuard } from '../../core/navigation/unsaved-changes.guard';

/** The tickets feature's pages, each loaded on first visit. Mounted behind the auth guard. */
export const ticketsRoutes: Routes = [
  pageRoute('tickets', 'Tickets', () => import('./tickets.page').then((m) => m.TicketsPage)),
  pageRoute('new-ticket', 'New ticket', () => import('./new-ticket.page').then((m) => m.NewTicketPage), {
    canDeactivate: [unsavedChangesGuard],
  }),
  pageRoute('ticket/:id', 'Ticket', () => import('./ticket.page').then((m) => m.TicketPage)),
  pageRoute('users/:id/tickets', 'Tickets', () => import('./user-tickets.page').then((m) => m.UserTicketsPage)),
];
