import type { Routes } from '@angular/router';
import { authGuard, guestGuard } from './core/auth/auth.guards';

export const appRoutes: Routes = [
  {
    path: '',
    pathMatch: 'full',
    title: 'Balanced Workspace — helpdesk for teams',
    loadComponent: () => import('./landing/landing.page').then((m) => m.LandingPage),
  },
  {
    path: 'login',
    title: 'Log in · Balanced Workspace',
    canActivate: [guestGuard],
    loadComponent: () => import('./identity/feature/login.page').then((m) => m.LoginPage),
  },
  {
    path: 'signup',
    title: 'Sign up · Balanced Workspace',
    canActivate: [guestGuard],
    loadComponent: () => import('./identity/feature/signup.page').then((m) => m.SignupPage),
  },
  // Signed-in areas. Each feature's route table is its own chunk; the router loads it when it
  // looks for a match, and its pages load on first visit.
  {
    path: '',
    canActivate: [authGuard],
    loadChildren: () => import('./tickets/feature/tickets.routes').then((m) => m.ticketsRoutes),
  },
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
    path: '**',
    title: 'Page not found · Balanced Workspace',
    loadComponent: () => import('./shell/not-found.page').then((m) => m.NotFoundPage),
  },
];
