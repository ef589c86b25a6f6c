import type { Routes } from '@angular/router';

/** The tickets feature's pages, each loaded on first visit. Mounted behind the auth guard. */
export const ticketsRoutes: Routes = [
  {
    path: 'tickets',
    title: 'Tickets · Balanced Workspace',
    loadComponent: () => import('./tickets.page').then((m) => m.TicketsPage),
  },
  {
    path: 'new-ticket',
    title: 'New ticket · Balanced Workspace',
    loadComponent: () => import('./new-ticket.page').then((m) => m.NewTicketPage),
  },
  {
    path: 'ticket/:id',
    title: 'Ticket · Balanced Workspace',
    loadComponent: () => import('./ticket.page').then((m) => m.TicketPage),
  },
  {
    path: 'users/:id/tickets',
    title: 'Tickets · Balanced Workspace',
    loadComponent: () => import('./user-tickets.page').then((m) => m.UserTicketsPage),
  },
];
