import type { Routes } from '@angular/router';
import { pageRoute } from '../../core/navigation/page-route';

/** The customers feature's pages, each loaded on first visit. Mounted behind the auth guard. */
export const customersRoutes: Routes = [
  pageRoute('customers', 'Customers', () => import('./customers.page').then((m) => m.CustomersPage)),
  pageRoute('customer/:id', 'Customer', () => import('./customer.page').then((m) => m.CustomerPage)),
  pageRoute('users/:id/customers', 'Customers', () => import('./customers.page').then((m) => m.CustomersPage)),
];
