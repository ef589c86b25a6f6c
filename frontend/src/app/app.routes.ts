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
  {
    path: 'tickets',
    canActivate: [authGuard],
    loadChildren: () => import('./tickets/feature/tickets.routes').then((m) => m.ticketsRoutes),
  },
  {
    path: '**',
    title: 'Page not found · Balanced Workspace',
    loadComponent: () => import('./shell/not-found.page').then((m) => m.NotFoundPage),
  },
];
