import type { Routes } from '@angular/router';
import { pageRoute } from '../../core/navigation/page-route';

/** The message triggers feature's pages, loaded on first visit. Mounted behind the auth guard. */
export const triggersRoutes: Routes = [
  pageRoute('triggers', 'Triggers', () => import('./triggers.page').then((m) => m.TriggersPage)),
];
