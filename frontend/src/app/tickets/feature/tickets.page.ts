import { ChangeDetectionStrategy, Component, computed, effect, inject, input, untracked } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatButtonToggleModule } from '@angular/material/button-toggle';
import { MatTabsModule } from '@angular/material/tabs';
import { Router, RouterLink } from '@angular/router';
import { SessionStore } from '../../core/auth/session.store';
import { EmptyStateComponent } from '../../shared/ui/empty-state.component';
import { NoMatchComponent } from '../../shared/ui/no-match.component';
import { PageHeaderComponent } from '../../shared/ui/page-header.component';
import { RecordListComponent } from '../../shared/ui/record-list.component';
import { SearchFieldComponent } from '../../shared/ui/search-field.component';
import { parseTicketFilters } from '../data-access/ticket-body';
import { boxLabel, statusLabel } from '../../shared/ticket-fields/ticket-labels';
import { TICKET_BOXES, TICKET_STATUSES, type TicketStatus } from '../data-access/ticket.model';
import { TicketsListStore } from '../data-access/tickets-list.store';
import { SavedViewsComponent } from '../ui/saved-views.component';
import { TicketListItemComponent } from '../ui/ticket-list-item.component';
import { TicketActions } from './ticket-actions';

const EMPTY_TEXT = {
  incoming: {
    heading: 'Nothing assigned to you',
    text: 'Tickets that other people (or you) assign to you show up here.',
  },
  outgoing: {
    heading: "You haven't sent any tickets",
    text: 'Tickets you create show up here, whoever they are assigned to.',
  },
  all: { heading: 'No tickets yet', text: 'Tickets you create, and tickets assigned to you, show up here.' },
} as const;

/** `/tickets`: the caller's incoming and outgoing tickets, newest first, ten at a time. */
@Component({
  selector: 'bw-tickets-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    RouterLink,
    MatButtonModule,
    MatButtonToggleModule,
    MatTabsModule,
    EmptyStateComponent,
    NoMatchComponent,
    PageHeaderComponent,
    RecordListComponent,
    SavedViewsComponent,
    SearchFieldComponent,
    TicketListItemComponent,
  ],
  providers: [TicketsListStore],
  templateUrl: './tickets.page.html',
  styleUrl: './tickets.page.scss',
})
export class TicketsPage {
  /** `?box=incoming|outgoing|all`, `?status=`, `?q=` — bound by the router. */
  readonly box = input<string>();
  readonly status = input<string>();
  readonly q = input<string>();
  /** `?view=`: the saved view applied (its filters are spelled out in the URL too). */
  readonly view = input<string>();

  private readonly router = inject(Router);
  private readonly session = inject(SessionStore);
  protected readonly actions = inject(TicketActions);
  protected readonly store = inject(TicketsListStore);

  protected readonly filters = computed(() =>
    parseTicketFilters({ box: this.box(), status: this.status(), q: this.q() }),
  );
  protected readonly meId = computed(() => this.session.user()?.id ?? null);
  protected readonly filtered = computed(() => this.filters().status !== null || this.filters().q !== '');
  protected readonly emptyText = computed(() => EMPTY_TEXT[this.filters().box]);

  protected readonly boxes = TICKET_BOXES;
  protected readonly statuses = TICKET_STATUSES;
  protected readonly boxLabel = boxLabel;
  protected readonly statusLabel = statusLabel;

  constructor() {
    effect(() => {
      const filters = this.filters();
      const view = this.view();
      untracked(() => void this.store.loadBox(filters, view));
    });
  }

  protected setStatus(status: TicketStatus | '' | null): void {
    void this.router.navigate([], { queryParams: { status: status || null }, queryParamsHandling: 'merge' });
  }

  protected search(q: string): void {
    void this.router.navigate([], { queryParams: { q: q || null }, queryParamsHandling: 'merge', replaceUrl: true });
  }

  protected clearFilters(): void {
    void this.router.navigate([], { queryParams: { status: null, q: null }, queryParamsHandling: 'merge' });
  }
}
