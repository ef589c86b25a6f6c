import type { Routes } from '@angular/router';

/** The API tokens page, loaded on first visit. Mounted behind the auth guard. */
export const apiTokensRoutes: Routes = [
  {
    path: 'settings/tokens',
    title: 'API tokens · Balanced Workspace',
    loadComponent: () => import('./api-tokens.page').then((m) => m.ApiTokensPage),
  },
];
