import type { Routes } from '@angular/router';

/** The message triggers feature's pages, loaded on first visit. Mounted behind the auth guard. */
export const triggersRoutes: Routes = [
  {
    path: 'triggers',
    title: 'Triggers · Balanced Workspace',
    loadComponent: () => import('./triggers.page').then((m) => m.TriggersPage),
  },
];
