import { ChangeDetectionStrategy, Component, computed, effect, inject, input, untracked } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { RouterLink } from '@angular/router';
import { EmptyStateComponent } from '../../shared/ui/empty-state.component';
import type { ListSearch } from '../../shared/ui/record-list.component';
import { RecordPageComponent, type RecordPageText } from '../../shared/ui/record-page.component';
import { urlSearch } from '../../shared/ui/url-search';
import { CustomersListStore } from '../data-access/customers-list.store';
import { CustomerListItemComponent } from '../ui/customer-list-item.component';
import { CustomerActions } from './customer-actions';

/**
 * `/customers` and `/users/:id/customers`: the caller's customers, newest first, ten at a
 * time, with search. Another user's customers are private: that URL shows "not found".
 */
@Component({
  selector: 'bw-customers-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, MatButtonModule, EmptyStateComponent, RecordPageComponent, CustomerListItemComponent],
  providers: [CustomersListStore],
  template: `
    <section class="bw-page">
      @if (notFound()) {
        <bw-empty-state
          heading="Customers not found"
          text="Customers are private to the user who added them, so only your own list can be shown."
        >
          <a matButton="filled" routerLink="/customers">Go to your customers</a>
        </bw-empty-state>
      } @else {
        <bw-record-page
          [text]="text()"
          [store]="store"
          [actions]="actions"
          [searchBox]="searchBox"
          [urlSearch]="urlSearch"
        >
          @for (customer of store.items(); track customer.id) {
            <bw-customer-list-item
              [customer]="customer"
              [busy]="store.busyIds().has(customer.id)"
              (edit)="actions.editIn(store, $event)"
              (delete)="actions.deleteFrom(store, $event)"
            />
          }
        </bw-record-page>
      }
    </section>
  `,
})
export class CustomersPage {
  /** `:id` of `/users/:id/customers`; absent on `/customers`. */
  readonly id = input<string>();
  /** `?q=`, bound by the router. */
  readonly q = input<string>();

  protected readonly actions = inject(CustomerActions);
  protected readonly store = inject(CustomersListStore);
  protected readonly urlSearch = urlSearch(() => this.q());

  protected readonly text = computed<RecordPageText>(() => ({
    heading: this.id() ? 'Your customers' : 'Customers',
    subheading: 'The people you help, newest first. Only you can see them.',
    noun: 'customer',
    plural: 'Customers',
    emptyText: 'Add the people you help to keep their details and tickets in one place.',
  }));
  protected readonly searchBox: ListSearch = {
    label: 'Search customers',
    placeholder: 'Name or email',
    noMatch: 'No customers match',
    noMatchText: (q) => `Nobody’s name or email contains “${q}”.`,
  };
  protected readonly notFound = computed(() => this.store.error()?.status === 404);

  constructor() {
    effect(() => {
      const id = this.id();
      const q = this.urlSearch.query();
      untracked(() => void (id ? this.store.loadForUser(id, q) : this.store.load(q)));
    });
  }
}
