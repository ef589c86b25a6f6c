import type { Routes } from '@angular/router';
import { pageRoute } from '../../core/navigation/page-route';

/** The macros feature's pages, loaded on first visit. Mounted behind the auth guard. */
export const macrosRoutes: Routes = [
  pageRoute('macros', 'Macros', () => import('./macros.page').then((m) => m.MacrosPage)),
  pageRoute('macros/apply', 'Apply a macro', () => import('./macro-apply.page').then((m) => m.MacroApplyPage)),
];
