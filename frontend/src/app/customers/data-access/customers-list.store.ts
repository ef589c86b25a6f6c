import { computed, Injectable, signal } from '@angular/core';
import { deleteCustomer, listCustomers, listUserCustomers } from '@bw/sdk';
import { CursorPager } from '../../core/api/cursor-pager';
import type { ApiProblem } from '../../core/api/problem';
import { settle } from '../../core/api/sdk-result';
import { type Customer, CUSTOMERS_PAGE_SIZE } from './customer.model';

/** A page's list of customers, with search, "load more", and deleting a row. Provide it in the page. */
@Injectable()
export class CustomersListStore {
  private readonly pager = new CursorPager<Customer>();
  private readonly deleting = signal<ReadonlySet<string>>(new Set());

  readonly items = this.pager.items;
  readonly loading = this.pager.loading;
  readonly loadingMore = this.pager.loadingMore;
  readonly error = this.pager.error;
  readonly hasMore = this.pager.hasMore;
  readonly empty = this.pager.empty;
  readonly busyIds = computed(() => this.deleting());

  /** The caller's customers; `q` matches name or email. */
  load(q: string): Promise<void> {
    return this.pager.load((cursor) =>
      settle(() => listCustomers({ query: { limit: CUSTOMERS_PAGE_SIZE, ...(q ? { q } : {}), ...(cursor ? { cursor } : {}) } })),
    );
  }

  /** `/users/:id/customers` — answers 404 unless `userId` is the caller. */
  loadForUser(userId: string, q: string): Promise<void> {
    return this.pager.load((cursor) =>
      settle(() =>
        listUserCustomers({ path: { id: userId }, query: { limit: CUSTOMERS_PAGE_SIZE, ...(q ? { q } : {}), ...(cursor ? { cursor } : {}) } }),
      ),
    );
  }

  loadMore(): Promise<void> {
    return this.pager.loadMore();
  }

  reload(): Promise<void> {
    return this.pager.reload();
  }

  /** A customer just created goes first (newest first). */
  add(customer: Customer): void {
    this.pager.add(customer, 'start');
  }

  replace(customer: Customer): void {
    this.pager.replace(customer);
  }

  async delete(customer: Customer): Promise<ApiProblem | null> {
    this.deleting.update((ids) => new Set(ids).add(customer.id));
    const result = await settle(() => deleteCustomer({ path: { id: customer.id } }));
    this.deleting.update((ids) => {
      const next = new Set(ids);
      next.delete(customer.id);
      return next;
    });
    if (result.ok || result.problem.status === 404) {
      this.pager.remove(customer.id);
      return null;
    }
    return result.problem;
  }
}
