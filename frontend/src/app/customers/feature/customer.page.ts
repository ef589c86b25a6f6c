import { ChangeDetectionStrategy, Component, computed, effect, inject, input, untracked } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { Title } from '@angular/platform-browser';
import { Router, RouterLink } from '@angular/router';
import { problemMessage } from '../../core/api/problem-message';
import { SessionStore } from '../../core/auth/session.store';
import { AlertComponent } from '../../shared/ui/alert.component';
import { EmptyStateComponent } from '../../shared/ui/empty-state.component';
import { LoadMoreComponent } from '../../shared/ui/load-more.component';
import { TicketListItemComponent } from '../../tickets';
import { CustomerStore } from '../data-access/customer.store';
import { CustomerDetailsComponent } from '../ui/customer-details.component';
import { CustomerActions } from './customer-actions';

/** `/customer/:id`: a customer's details, Edit and Delete, and the caller's tickets for them. */
@Component({
  selector: 'bw-customer-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    RouterLink,
    MatButtonModule,
    MatProgressBarModule,
    AlertComponent,
    EmptyStateComponent,
    LoadMoreComponent,
    CustomerDetailsComponent,
    TicketListItemComponent,
  ],
  providers: [CustomerStore],
  template: `
    <section class="bw-page">
      <a class="back" routerLink="/customers">← All customers</a>

      <div class="bw-progress">
        @if (store.loading()) {
          <mat-progress-bar mode="indeterminate" aria-label="Loading the customer" />
        }
      </div>

      @if (notFound()) {
        <bw-empty-state heading="Customer not found" text="It may have been deleted, or it belongs to someone else.">
          <a matButton="filled" routerLink="/customers">Go to your customers</a>
        </bw-empty-state>
      } @else if (loadError(); as message) {
        <bw-alert [message]="message" actionLabel="Try again" (action)="store.load(id())" />
      }

      @if (store.customer(); as c) {
        <header class="bw-page-head">
          <div class="who">
            <span class="avatar" aria-hidden="true">{{ c.name.charAt(0).toUpperCase() }}</span>
            <div>
              <h1 dir="auto" data-testid="customer-name">{{ c.name }}</h1>
              @if (c.company) {
                <p class="bw-sub">{{ c.company }}</p>
              }
            </div>
          </div>
          <div class="bw-actions">
            <a matButton="filled" routerLink="/new-ticket" [queryParams]="{ customerId: c.id }">New ticket</a>
            <button matButton="outlined" type="button" [disabled]="store.deleting()" (click)="edit()">Edit</button>
            <button
              matButton="outlined"
              type="button"
              class="bw-danger"
              [disabled]="store.deleting()"
              (click)="delete()"
            >
              {{ store.deleting() ? 'Deleting…' : 'Delete' }}
            </button>
          </div>
        </header>

        @if (deleteError(); as message) {
          <bw-alert [message]="message" />
        }

        <div class="layout">
          <section class="bw-panel block" aria-labelledby="contact-heading">
            <h2 id="contact-heading">Contact</h2>
            <bw-customer-details [customer]="c" />
          </section>

          <section class="tickets" aria-labelledby="tickets-heading">
            <h2 id="tickets-heading">Your tickets for this customer</h2>
            @if (ticketsError(); as message) {
              <bw-alert [message]="message" actionLabel="Try again" (action)="store.retryTickets()" />
            }
            @if (store.noTickets()) {
              <bw-empty-state heading="No tickets yet" text="Tickets you create for this customer show up here.">
                <a matButton="outlined" routerLink="/new-ticket" [queryParams]="{ customerId: c.id }">New ticket</a>
              </bw-empty-state>
            } @else {
              @if (store.tickets().length > 0) {
                <div class="bw-panel list" role="list" aria-label="Tickets for this customer">
                  @for (ticket of store.tickets(); track ticket.id) {
                    <bw-ticket-list-item [ticket]="ticket" [meId]="meId()" [showActions]="false" />
                  }
                </div>
              } @else if (store.ticketsLoading()) {
                <p class="muted">Looking for tickets…</p>
              } @else if (store.moreTickets()) {
                <p class="muted">None among your most recent tickets.</p>
              }
              <bw-load-more
                label="Look for more"
                [hasMore]="store.moreTickets()"
                [loading]="store.ticketsLoading()"
                (more)="store.loadMoreTickets()"
              />
            }
          </section>
        </div>
      }
    </section>
  `,
  styles: `
    @use 'badges';

    .back {
      display: inline-block;
      margin-bottom: 8px;
      font: var(--mat-sys-label-large);
      text-decoration: none;
    }
    .back:hover {
      text-decoration: underline;
    }
    .who {
      display: flex;
      align-items: center;
      gap: 16px;
    }
    .avatar {
      @include badges.avatar(56px, var(--mat-sys-headline-small));
    }
    .layout {
      display: grid;
      grid-template-columns: 340px minmax(0, 1fr);
      gap: 20px;
      align-items: start;
    }
    .block {
      padding: 20px 24px;
    }
    h2 {
      margin: 0 0 12px;
      font: var(--mat-sys-title-medium);
    }
    .list {
      overflow: hidden;
    }
    .muted {
      margin: 0;
      color: var(--mat-sys-on-surface-variant);
      font: var(--mat-sys-body-medium);
    }
    @media (max-width: 900px) {
      .layout {
        grid-template-columns: minmax(0, 1fr);
      }
    }
  `,
})
export class CustomerPage {
  /** `:id`, bound by the router. */
  readonly id = input.required<string>();

  private readonly router = inject(Router);
  private readonly title = inject(Title);
  private readonly session = inject(SessionStore);
  private readonly actions = inject(CustomerActions);
  protected readonly store = inject(CustomerStore);

  protected readonly meId = computed(() => this.session.user()?.id ?? null);
  protected readonly notFound = computed(() => this.store.error()?.status === 404);
  protected readonly loadError = computed(() => {
    const error = this.store.error();
    return error && error.status !== 404 ? problemMessage(error) : null;
  });
  protected readonly deleteError = computed(() => {
    const error = this.store.deleteError();
    return error ? `Couldn't delete the customer: ${problemMessage(error)}` : null;
  });
  protected readonly ticketsError = computed(() => {
    const error = this.store.ticketsError();
    return error ? problemMessage(error) : null;
  });

  constructor() {
    effect(() => {
      const id = this.id();
      untracked(() => void this.store.load(id));
    });
    effect(() => {
      const customer = this.store.customer();
      if (customer) {
        this.title.setTitle(`${customer.name} · Customers · Balanced Workspace`);
      }
    });
  }

  protected async edit(): Promise<void> {
    const customer = this.store.customer();
    if (!customer) return;
    const updated = await this.actions.edit(customer);
    if (updated) {
      this.store.setCustomer(updated);
    }
  }

  protected async delete(): Promise<void> {
    const customer = this.store.customer();
    if (!customer || !(await this.actions.confirmDelete(customer))) {
      return;
    }
    if (await this.store.delete()) {
      this.actions.toast(`${customer.name} was deleted`);
      await this.router.navigateByUrl('/customers');
    }
  }
}
