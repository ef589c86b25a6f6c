import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  type ElementRef,
  inject,
  input,
  signal,
  untracked,
  viewChild,
} from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatTabsModule } from '@angular/material/tabs';
import { Router, RouterLink } from '@angular/router';
import { problemMessage } from '../../core/api/problem-message';
import { rememberTicketOrder } from '../../core/navigation/ticket-order';
import { SessionStore } from '../../core/auth/session.store';
import { boxLabel } from '../../shared/ticket-fields/ticket-labels';
import { AlertComponent } from '../../shared/ui/alert.component';
import { confirmAction } from '../../shared/ui/confirm-dialog.component';
import { EmptyStateComponent } from '../../shared/ui/empty-state.component';
import { LoadMoreComponent } from '../../shared/ui/load-more.component';
import { NoMatchComponent } from '../../shared/ui/no-match.component';
import { PageHeaderComponent } from '../../shared/ui/page-header.component';
import { type BulkAction, type BulkReport, reportOf } from '../data-access/ticket-bulk';
import { TicketFilterOptionsStore } from '../data-access/ticket-filter-options.store';
import {
  isFiltered,
  NO_FILTERS,
  parseTicketListQuery,
  type TicketListChange,
  toQueryParams,
} from '../data-access/ticket-list-query';
import { TicketPickersStore } from '../data-access/ticket-pickers.store';
import { TicketSelection } from '../data-access/ticket-selection';
import { TICKET_BOXES, type TicketPriority, type TicketStatus } from '../data-access/ticket.model';
import { TicketsListStore } from '../data-access/tickets-list.store';
import { type BulkRequest, BulkBarComponent } from '../ui/bulk-bar.component';
import { BulkResultsComponent } from '../ui/bulk-results.component';
import { SavedViewsComponent } from '../ui/saved-views.component';
import { TicketFiltersComponent } from '../ui/ticket-filters.component';
import { type RowToggle, TicketTableComponent } from '../ui/ticket-table.component';
import { pickForBulk } from './bulk-pick.dialog';
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

const SORT_WORDS = {
  newest: 'newest first',
  oldest: 'oldest first',
  updated: 'recently updated first',
  priority: 'most urgent first',
  due: 'soonest due first',
} as const;

/**
 * `/tickets`: the caller's incoming and outgoing tickets as a table, filtered, searched and sorted
 * as the URL says (`?box=&status=&priority=&type=&topic=&customerId=&assigneeId=&q=&overdue=&sort=`; other
 * parameters such as `?view=` are left alone), ten more at a time, with bulk changes of the rows
 * selected.
 */
@Component({
  selector: 'bw-tickets-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    RouterLink,
    MatButtonModule,
    MatProgressBarModule,
    MatTabsModule,
    AlertComponent,
    EmptyStateComponent,
    LoadMoreComponent,
    NoMatchComponent,
    PageHeaderComponent,
    BulkBarComponent,
    BulkResultsComponent,
    SavedViewsComponent,
    TicketFiltersComponent,
    TicketTableComponent,
  ],
  providers: [TicketsListStore, TicketPickersStore, TicketFilterOptionsStore],
  templateUrl: './tickets.page.html',
  styleUrl: './tickets.page.scss',
})
export class TicketsPage {
  // Bound from the query parameters by the router.
  readonly box = input<string>();
  readonly status = input<string>();
  readonly priority = input<string>();
  readonly type = input<string>();
  readonly topic = input<string>();
  readonly customerId = input<string>();
  readonly assigneeId = input<string>();
  readonly q = input<string>();
  readonly overdue = input<string>();
  readonly sort = input<string>();
  /** `?view=`: the saved view applied (its filters are spelled out in the URL too). */
  readonly view = input<string>();

  private readonly router = inject(Router);
  private readonly dialog = inject(MatDialog);
  private readonly session = inject(SessionStore);
  protected readonly actions = inject(TicketActions);
  protected readonly store = inject(TicketsListStore);
  protected readonly filterOptions = inject(TicketFilterOptionsStore);
  protected readonly selection = new TicketSelection();

  protected readonly query = computed(() =>
    parseTicketListQuery({
      box: this.box(),
      status: this.status(),
      priority: this.priority(),
      type: this.type(),
      topic: this.topic(),
      customerId: this.customerId(),
      assigneeId: this.assigneeId(),
      q: this.q(),
      overdue: this.overdue(),
      sort: this.sort(),
    }),
  );
  protected readonly meId = computed(() => this.session.user()?.id ?? null);
  protected readonly filtered = computed(() => isFiltered(this.query()));
  protected readonly emptyText = computed(() => EMPTY_TEXT[this.query().box]);
  protected readonly ids = computed(() => this.store.items().map((t) => t.id));
  protected readonly caption = computed(() => {
    const q = this.query();
    return `Tickets in ${q.box === 'all' ? 'both boxes' : boxLabel(q.box)}, ${SORT_WORDS[q.sort]}`;
  });
  protected readonly errorMessage = computed(() => {
    const error = this.store.error();
    return error ? problemMessage(error) : null;
  });
  protected readonly selectionText = computed(() => {
    const count = this.selection.count();
    return count > 0 ? `${count} selected` : '';
  });
  protected readonly bulkBusy = signal(false);
  protected readonly busyIds = computed(() => (this.bulkBusy() ? this.selection.selected() : this.store.busyIds()));
  protected readonly report = signal<BulkReport | null>(null);

  protected readonly boxes = TICKET_BOXES;
  protected readonly boxLabel = boxLabel;
  protected readonly noFilters = NO_FILTERS;
  private readonly results = viewChild.required<ElementRef<HTMLElement>>('results');

  constructor() {
    effect(() => {
      const query = this.query();
      const view = this.view();
      untracked(() => {
        void this.store.loadBox(query, view);
        this.filterOptions.show(query.customerId, query.assigneeId);
      });
    });
    // A row that leaves the list (deleted, filtered out, gone live) leaves the selection.
    effect(() => {
      const ids = this.ids();
      untracked(() => this.selection.keepOnly(ids));
      // The ticket page's j / k walk this list in this order.
      rememberTicketOrder(ids);
    });
  }

  /** Puts a filter, search or sort change into the URL; typing a search replaces the entry instead of adding one. */
  protected change(change: TicketListChange): void {
    const typing = Object.keys(change).length === 1 && 'q' in change;
    void this.router.navigate([], {
      // A changed filter is no longer the saved view, so the view leaves the URL.
      queryParams: { ...toQueryParams(change), view: null },
      queryParamsHandling: 'merge',
      replaceUrl: typing,
    });
  }

  protected toggle({ id, range }: RowToggle): void {
    if (range) this.selection.toggleRange(id, this.ids());
    else this.selection.toggle(id);
  }

  protected open(ticket: { id: string }): void {
    void this.router.navigate(['/ticket', ticket.id]);
  }

  protected async runBulk(request: BulkRequest): Promise<void> {
    const selected = this.selection.selected();
    const tickets = this.store.items().filter((t) => selected.has(t.id));
    if (tickets.length === 0) return;
    const action = await this.actionFor(request, tickets.length);
    if (!action) return;
    const known = new Map(tickets.map((t) => [t.id, t]));
    this.bulkBusy.set(true);
    try {
      const outcomes = await this.store.bulk(
        tickets.map((t) => t.id),
        action,
      );
      this.report.set(reportOf(action.type, outcomes, known));
      this.selection.clear();
    } finally {
      this.bulkBusy.set(false);
    }
    // The bar is gone with the selection: the focus goes to what happened.
    this.results().nativeElement.focus();
  }

  /** The full action for a bar button, asking what the button does not say; `null` when the user cancels. */
  private async actionFor(request: BulkRequest, count: number): Promise<BulkAction | null> {
    const tickets = `${count} ticket${count === 1 ? '' : 's'}`;
    switch (request.type) {
      case 'close':
      case 'reopen':
        return { type: request.type };
      case 'set_priority':
        return { type: 'set_priority', value: request.value as TicketPriority };
      case 'set_status':
        return { type: 'set_status', value: request.value as TicketStatus };
      case 'set_assignee':
      case 'apply_macro': {
        const kind = request.type === 'set_assignee' ? 'assignee' : 'macro';
        const value = await pickForBulk(this.dialog, { kind, count });
        return value ? { type: request.type, value } : null;
      }
      case 'delete': {
        const sure = await confirmAction(this.dialog, {
          title: `Delete ${tickets}?`,
          message: `The ${tickets} and their conversations will be deleted for you and their assignees. This can't be undone.`,
          confirmLabel: `Delete ${tickets}`,
          destructive: true,
        });
        return sure ? { type: 'delete' } : null;
      }
    }
  }
}
