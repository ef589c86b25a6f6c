import { DatePipe } from '@angular/common';
import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  ElementRef,
  HostListener,
  inject,
  input,
  output,
  signal,
} from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { RouterLink } from '@angular/router';
import { topicLabel, typeLabel } from '../../shared/ticket-fields/ticket-labels';
import type { TicketSort } from '../data-access/ticket-list-query';
import { ticketPermissions } from '../data-access/ticket-permissions';
import type { Ticket } from '../data-access/ticket.model';
import { listKeyAction } from './list-keys';
import { ariaSort, nextSort, TICKET_COLUMNS, type TicketColumn } from './ticket-columns';
import { TicketDueComponent } from './ticket-due.component';
import { TicketPriorityComponent } from './ticket-priority.component';
import { TicketStatusChipComponent } from './ticket-status-chip.component';

/** A row's checkbox was clicked (or Space / `x` pressed on it); `range` with Shift. */
export interface RowToggle {
  readonly id: string;
  readonly range: boolean;
}

/**
 * The tickets as a dense `<table>`: a checkbox per row and "select all loaded" in the header,
 * sort buttons in the sortable headers (`aria-sort`), Edit and Delete per row. On a phone each
 * row is drawn as a card. Keys: `j`/`k` (and the arrows inside the table) move the focus between
 * rows, `x` or Space selects the focused row (Shift+Space a range), Enter opens it.
 */
@Component({
  selector: 'bw-ticket-table',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    RouterLink,
    DatePipe,
    MatButtonModule,
    TicketStatusChipComponent,
    TicketPriorityComponent,
    TicketDueComponent,
  ],
  templateUrl: './ticket-table.component.html',
  styleUrl: './ticket-table.component.scss',
})
export class TicketTableComponent {
  readonly tickets = input.required<readonly Ticket[]>();
  readonly meId = input<string | null>(null);
  readonly selected = input<ReadonlySet<string>>(new Set());
  readonly sort = input<TicketSort>('newest');
  readonly busyIds = input<ReadonlySet<string>>(new Set());
  /** The table's caption, e.g. "Tickets, all boxes, newest first". */
  readonly caption = input('Tickets');

  readonly rowToggle = output<RowToggle>();
  readonly toggleAll = output<boolean>();
  readonly sortChange = output<TicketSort>();
  readonly opened = output<Ticket>();
  readonly edit = output<Ticket>();
  readonly delete = output<Ticket>();

  protected readonly columns = TICKET_COLUMNS;
  protected readonly ariaSort = ariaSort;
  protected readonly typeLabel = typeLabel;
  protected readonly topicLabel = topicLabel;
  /** The row that takes the focus from Tab (roving tabindex) and from `j`/`k`. */
  protected readonly activeIndex = signal(0);
  protected readonly allSelected = computed(() => {
    const tickets = this.tickets();
    return tickets.length > 0 && tickets.every((t) => this.selected().has(t.id));
  });
  protected readonly someSelected = computed(
    () => !this.allSelected() && this.tickets().some((t) => this.selected().has(t.id)),
  );

  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);

  constructor() {
    // Rows come and go (live, load more): keep the active row within the list.
    effect(() => {
      const last = this.tickets().length - 1;
      if (this.activeIndex() > last) this.activeIndex.set(Math.max(0, last));
    });
  }

  protected permissionsOf(ticket: Ticket) {
    return ticketPermissions(ticket, this.meId());
  }

  protected nameOf(user: { id: string; username: string }): string {
    return user.id === this.meId() ? 'you' : user.username;
  }

  protected arrow(column: TicketColumn): string {
    const direction = ariaSort(column, this.sort());
    return direction === 'ascending' ? ' ↑' : direction === 'descending' ? ' ↓' : '';
  }

  protected sortBy(column: TicketColumn): void {
    const sort = nextSort(column, this.sort());
    if (sort && sort !== this.sort()) this.sortChange.emit(sort);
  }

  /** The native toggle is undone: the selection (and shift-click ranges) decide what is checked. */
  protected checkboxClick(event: MouseEvent, id: string): void {
    event.preventDefault();
    this.rowToggle.emit({ id, range: event.shiftKey });
  }

  @HostListener('document:keydown', ['$event'])
  protected onKey(event: KeyboardEvent): void {
    const target = event.target instanceof Element ? event.target : null;
    const table = this.host.nativeElement;
    const inTable = target !== null && table.contains(target);
    const row = target?.closest<HTMLElement>('tr.row') ?? null;
    const action = listKeyAction(event, { inTable, inRow: row !== null, onRow: row !== null && row === target });
    if (action === null) return;
    event.preventDefault();
    const index = row ? this.rows().indexOf(row) : -1;
    const ticket = index >= 0 ? this.tickets()[index] : undefined;
    switch (action) {
      case 'next':
        this.focusRow(index === -1 ? this.activeIndex() : index + 1);
        break;
      case 'previous':
        this.focusRow(index === -1 ? this.activeIndex() : index - 1);
        break;
      case 'toggle':
      case 'range':
        if (ticket) this.rowToggle.emit({ id: ticket.id, range: action === 'range' });
        break;
      case 'open':
        if (ticket) this.opened.emit(ticket);
        break;
    }
  }

  private rows(): HTMLElement[] {
    return Array.from(this.host.nativeElement.querySelectorAll<HTMLElement>('tbody tr.row'));
  }

  private focusRow(index: number): void {
    const rows = this.rows();
    if (rows.length === 0) return;
    const at = Math.min(Math.max(index, 0), rows.length - 1);
    this.activeIndex.set(at);
    rows[at].focus();
  }
}
