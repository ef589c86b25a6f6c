import type { Routes } from '@angular/router';
import { authGuard, guestGuard } from './core/auth/auth.guards';
import { pageRoute } from './core/navigation/page-route';

// The tickets' route table starts loading as the app starts, beside `/api/auth/me` and the
// bootstrap, not after them when the router first looks for /tickets.
const ticketsRoutesChunk = import('./tickets/feature/tickets.routes').then((m) => m.ticketsRoutes);

export const appRoutes: Routes = [
  {
    path: '',
    pathMatch: 'full',
    title: 'Balanced Workspace — helpdesk for teams',
    loadComponent: () => import('./landing/landing.page').then((m) => m.LandingPage),
  },
  pageRoute('login', 'Log in', () => import('./identity/feature/login.page').then((m) => m.LoginPage), {
    canActivate: [guestGuard],
  }),
  pageRoute('signup', 'Sign up', () => import('./identity/feature/signup.page').then((m) => m.SignupPage), {
    canActivate: [guestGuard],
  }),
  // Signed-in areas. Each feature's route table is its own chunk, which the router loads when it
  // looks for a match; the tickets' one (where users land) is already on its way (above). Pages
  // load on first visit (the first ones ahead of time: PreloadFirstPages).
  { path: '', canActivate: [authGuard], loadChildren: () => ticketsRoutesChunk },
  {
    path: '',
    canActivate: [authGuard],
    loadChildren: () => import('./customers/feature/customers.routes').then((m) => m.customersRoutes),
  },
  {
    path: '',
    canActivate: [authGuard],
    loadChildren: () => import('./macros/feature/macros.routes').then((m) => m.macrosRoutes),
  },
  {
    path: '',
    canActivate: [authGuard],
    loadChildren: () => import('./triggers/feature/triggers.routes').then((m) => m.triggersRoutes),
  },
  {
    path: '',
    canActivate: [authGuard],
    loadChildren: () => import('./messages/feature/messages.routes').then((m) => m.messagesRoutes),
  },
  {
    path: '',
    canActivate: [authGuard],
    loadChildren: () => import('./api-tokens/feature/api-tokens.routes').then((m) => m.apiTokensRoutes),
  },
  {
    path: '',
    canActivate: [authGuard],
    loadChildren: () => import('./webhooks/feature/webhooks.routes').then((m) => m.webhooksRoutes),
  },
  {
    path: '',
    canActivate: [authGuard],
    loadChildren: () => import('./dashboard/feature/dashboard.routes').then((m) => m.dashboardRoutes),
  },
  {
    path: '',
    canActivate: [authGuard],
    loadChildren: () => import('./settings/feature/settings.routes').then((m) => m.settingsRoutes),
  },
  pageRoute('**', 'Page not found', () => import('./shell/not-found.page').then((m) => m.NotFoundPage)),
];
