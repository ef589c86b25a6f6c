import type { Routes } from '@angular/router';

/** The settings page (the due policy), loaded on first visit. Mounted behind the auth guard. */
export const settingsRoutes: Routes = [
  {
    path: 'settings',
    pathMatch: 'full',
    title: 'Settings · Balanced Workspace',
    loadComponent: () => import('./settings.page').then((m) => m.SettingsPage),
  },
];
