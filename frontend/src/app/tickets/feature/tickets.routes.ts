import type { Routes } from '@angular/router';

export const ticketsRoutes: Routes = [
  {
    path: '',
    title: 'Tickets · Balanced Workspace',
    loadComponent: () => import('./tickets.page').then((m) => m.TicketsPage),
  },
];
