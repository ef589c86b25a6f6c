import type { Routes } from '@angular/router';
import { pageRoute } from '../../core/navigation/page-route';

/** The messages feature's pages, loaded on first visit. Mounted behind the auth guard. */
export const messagesRoutes: Routes = [
  pageRoute('messages', 'Messages', () => import('./messages.page').then((m) => m.MessagesPage)),
];
