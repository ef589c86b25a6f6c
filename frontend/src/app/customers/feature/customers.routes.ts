import type { Routes } from '@angular/router';

/** The customers feature's pages, each loaded on first visit. Mounted behind the auth guard. */
export const customersRoutes: Routes = [
  {
    path: 'customers',
    title: 'Customers · Balanced Workspace',
    loadComponent: () => import('./customers.page').then((m) => m.CustomersPage),
  },
  {
    path: 'customer/:id',
    title: 'Customer · Balanced Workspace',
    loadComponent: () => import('./customer.page').then((m) => m.CustomerPage),
  },
  {
    path: 'users/:id/customers',
    title: 'Customers · Balanced Workspace',
    loadComponent: () => import('./customers.page').then((m) => m.CustomersPage),
  },
];
