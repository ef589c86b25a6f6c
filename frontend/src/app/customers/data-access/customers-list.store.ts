import { Injectable } from '@angular/core';
import { deleteCustomer, listCustomers, listUserCustomers } from '@bw/sdk';
import { ListStore } from '../../core/api/list-store';
import { pageQuery } from '../../core/api/paging';
import type { ApiProblem } from '../../core/api/problem';
import { settle } from '../../core/api/sdk-result';
import { type Customer, CUSTOMERS_PAGE_SIZE } from './customer.model';

/** A page's list of customers, with search, "load more", and deleting a row. Provide it in the page. */
@Injectable()
export class CustomersListStore extends ListStore<Customer> {
  /** The caller's customers; `q` matches name or email. */
  load(q: string): Promise<void> {
    return this.list((cursor) => settle(() => listCustomers({ query: pageQuery(CUSTOMERS_PAGE_SIZE, cursor, q) })));
  }

  /** `/users/:id/customers` — answers 404 unless `userId` is the caller. */
  loadForUser(userId: string, q: string): Promise<void> {
    return this.list((cursor) =>
      settle(() => listUserCustomers({ path: { id: userId }, query: pageQuery(CUSTOMERS_PAGE_SIZE, cursor, q) })),
    );
  }

  delete(customer: Customer): Promise<ApiProblem | null> {
    return this.deleteRow(customer, () => settle(() => deleteCustomer({ path: { id: customer.id } })));
  }
}
