import { ChangeDetectionStrategy, Component, computed, effect, inject, input, untracked } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { RouterLink } from '@angular/router';
import { SessionStore } from '../../core/auth/session.store';
import { EmptyStateComponent } from '../../shared/ui/empty-state.component';
import { PageHeaderComponent } from '../../shared/ui/page-header.component';
import { RecordListComponent } from '../../shared/ui/record-list.component';
import { TicketsListStore } from '../data-access/tickets-list.store';
import { TicketListItemComponent } from '../ui/ticket-list-item.component';
import { TicketActions } from './ticket-actions';

/** `/users/:id/tickets`: the tickets a user created that the caller may see. */
@Component({
  selector: 'bw-user-tickets-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    RouterLink,
    MatButtonModule,
    EmptyStateComponent,
    PageHeaderComponent,
    RecordListComponent,
    TicketListItemComponent,
  ],
  providers: [TicketsListStore],
  template: `
    <section class="bw-page">
      <header bwPageHeader [heading]="heading()" [subheading]="subheading()">
        @if (isMe()) {
          <a matButton="filled" routerLink="/new-ticket">New ticket</a>
        }
      </header>

      <bw-record-list [list]="store" label="Tickets" loadingLabel="Loading tickets">
        <bw-empty-state
          bwEmpty
          heading="No tickets to show"
          [text]="
            isMe()
              ? 'Tickets you create show up here.'
              : 'This user has not created any ticket that is shared with you.'
          "
        >
          <a matButton="outlined" routerLink="/tickets">Back to tickets</a>
        </bw-empty-state>
        @for (ticket of store.items(); track ticket.id) {
          <bw-ticket-list-item
            [ticket]="ticket"
            [meId]="meId()"
            [busy]="store.busyIds().has(ticket.id)"
            (edit)="actions.editIn(store, $event)"
            (delete)="actions.deleteFrom(store, $event)"
          />
        }
      </bw-record-list>
    </section>
  `,
})
export class UserTicketsPage {
  /** `:id`, bound by the router. */
  readonly id = input.required<string>();

  private readonly session = inject(SessionStore);
  protected readonly actions = inject(TicketActions);
  protected readonly store = inject(TicketsListStore);

  protected readonly meId = computed(() => this.session.user()?.id ?? null);
  protected readonly isMe = computed(() => this.id() === this.meId());
  /** The API has no user lookup by id; the tickets themselves carry the creator's name. */
  private readonly username = computed(() => this.store.items()[0]?.creator.username ?? null);
  protected readonly heading = computed(() => {
    if (this.isMe()) return 'Your tickets';
    const name = this.username();
    return name ? `Tickets by ${name}` : "A user's tickets";
  });
  protected readonly subheading = computed(() =>
    this.isMe()
      ? 'Every ticket you created, newest first.'
      : 'Tickets this user created that are shared with you (assigned to you), newest first.',
  );

  constructor() {
    effect(() => {
      const id = this.id();
      untracked(() => void this.store.loadCreatedBy(id));
    });
  }
}
