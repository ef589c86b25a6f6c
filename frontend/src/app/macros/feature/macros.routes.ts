import type { Routes } from '@angular/router';

/** The macros feature's pages, loaded on first visit. Mounted behind the auth guard. */
export const macrosRoutes: Routes = [
  {
    path: 'macros',
    title: 'Macros · Balanced Workspace',
    loadComponent: () => import('./macros.page').then((m) => m.MacrosPage),
  },
  {
    path: 'macros/apply',
    title: 'Apply a macro · Balanced Workspace',
    loadComponent: () => import('./macro-apply.page').then((m) => m.MacroApplyPage),
  },
];
