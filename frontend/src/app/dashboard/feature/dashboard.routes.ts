import type { Routes } from '@angular/router';

/** The dashboard, loaded on first visit (chart.js comes with it). Mounted behind the auth guard. */
export const dashboardRoutes: Routes = [
  {
    path: 'dashboard',
    title: 'Dashboard · Balanced Workspace',
    loadComponent: () => import('./dashboard.page').then((m) => m.DashboardPage),
  },
];
