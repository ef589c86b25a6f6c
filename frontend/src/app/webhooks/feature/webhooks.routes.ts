import type { Routes } from '@angular/router';

/** The webhooks page, loaded on first visit. Mounted behind the auth guard. */
export const webhooksRoutes: Routes = [
  {
    path: 'webhooks',
    title: 'Webhooks · Balanced Workspace',
    loadComponent: () => import('./webhooks.page').then((m) => m.WebhooksPage),
  },
];
