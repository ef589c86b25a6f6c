import type { Routes } from '@angular/router';

/** The messages feature's pages, loaded on first visit. Mounted behind the auth guard. */
export const messagesRoutes: Routes = [
  {
    path: 'messages',
    title: 'Messages · Balanced Workspace',
    loadComponent: () => import('./messages.page').then((m) => m.MessagesPage),
  },
];
