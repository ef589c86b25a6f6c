import { ChangeDetectionStrategy, Component, computed, input, output, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatSelectModule } from '@angular/material/select';
import type { OptionSearch } from '../../shared/pickers/option-search';
import type { PickerOption } from '../../shared/pickers/picker-options';
import { SearchFieldComponent } from '../../shared/ui/search-field.component';
import { priorityLabel, statusLabel, topicLabel, typeLabel } from '../../shared/ticket-fields/ticket-labels';
import { isFiltered, NO_FILTERS, type TicketListChange, type TicketListQuery } from '../data-access/ticket-list-query';
import { TICKET_PRIORITIES, TICKET_STATUSES, TICKET_TOPICS, TICKET_TYPES } from '../data-access/ticket.model';
import { FilterPickerComponent } from './filter-picker.component';

/**
 * The tickets list's filters: search, status, priority, type and topic (several at once),
 * customer and assignee, "Overdue only", and "Clear filters". Shows `query`; reports each change. On a phone
 * all but the search fold under a "Filters" button.
 */
@Component({
  selector: 'bw-ticket-filters',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButtonModule, MatFormFieldModule, MatSelectModule, SearchFieldComponent, FilterPickerComponent],
  template: `
    @let f = query();
    <div class="line">
      <bw-search-field
        class="search"
        label="Search tickets"
        placeholder="Words, #number, customer"
        [value]="f.q"
        (queryChange)="search($event)"
      />
      <button
        matButton="outlined"
        type="button"
        class="fold"
        aria-controls="bw-ticket-filter-fields"
        [attr.aria-expanded]="open()"
        (click)="open.set(!open())"
      >
        Filters{{ activeCount() ? ' (' + activeCount() + ')' : '' }}
      </button>
    </div>
    <div id="bw-ticket-filter-fields" class="fields" [class.open]="open()" role="group" aria-label="Filters">
      <mat-form-field appearance="outline" subscriptSizing="dynamic">
        <mat-label>Status</mat-label>
        <mat-select [value]="f.status ?? ''" (valueChange)="changed.emit({ status: $event || null })">
          <mat-option value="">Any</mat-option>
          @for (s of statuses; track s) {
            <mat-option [value]="s">{{ statusLabel(s) }}</mat-option>
          }
        </mat-select>
      </mat-form-field>
      <mat-form-field appearance="outline" subscriptSizing="dynamic">
        <mat-label>Priority</mat-label>
        <mat-select
          multiple
          #prioritySelect
          [value]="f.priority"
          (openedChange)="$event || many('priority', prioritySelect.value)"
        >
          @for (p of priorities; track p) {
            <mat-option [value]="p">{{ priorityLabel(p) }}</mat-option>
          }
        </mat-select>
      </mat-form-field>
      <mat-form-field appearance="outline" subscriptSizing="dynamic">
        <mat-label>Type</mat-label>
        <mat-select multiple #typeSelect [value]="f.type" (openedChange)="$event || many('type', typeSelect.value)">
          @for (t of types; track t) {
            <mat-option [value]="t">{{ typeLabel(t) }}</mat-option>
          }
        </mat-select>
      </mat-form-field>
      <mat-form-field appearance="outline" subscriptSizing="dynamic">
        <mat-label>Topic</mat-label>
        <mat-select multiple #topicSelect [value]="f.topic" (openedChange)="$event || many('topic', topicSelect.value)">
          @for (t of topics; track t) {
            <mat-option [value]="t">{{ topicLabel(t) }}</mat-option>
          }
        </mat-select>
      </mat-form-field>
      <bw-filter-picker
        label="Customer"
        [value]="customer()"
        [options]="customers().options()"
        [loading]="customers().loading()"
        (queryChange)="customers().search($event)"
        (picked)="changed.emit({ customerId: $event?.id ?? null })"
      />
      <bw-filter-picker
        label="Assignee"
        [value]="assignee()"
        [options]="assignees().options()"
        [loading]="assignees().loading()"
        (queryChange)="assignees().search($event)"
        (picked)="changed.emit({ assigneeId: $event?.id ?? null })"
      />
      <label class="toggle" [class.on]="f.overdue">
        <input
          type="checkbox"
          class="check"
          [checked]="f.overdue"
          (change)="changed.emit({ overdue: $any($event.target).checked })"
        />
        Overdue only
      </label>
      @if (filtered()) {
        <button matButton type="button" class="clear" (click)="changed.emit(noFilters)">Clear filters</button>
      }
    </div>
  `,
  styles: `
    :host {
      display: block;
      margin-bottom: 12px;
    }
    .line {
      display: flex;
      gap: 8px;
      align-items: center;
    }
    .search {
      flex: 1 1 280px;
      max-width: 480px;
    }
    .fold {
      display: none;
      flex: none;
      white-space: nowrap;
    }
    .fields {
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(150px, 1fr));
      gap: 8px 12px;
      align-items: center;
      margin-top: 12px;
    }
    .toggle {
      display: inline-flex;
      align-items: center;
      gap: 8px;
      justify-self: start;
      min-height: 40px;
      padding: 0 14px 0 10px;
      border: 1px solid var(--mat-sys-outline);
      border-radius: 8px;
      font: var(--mat-sys-label-large);
      color: var(--mat-sys-on-surface-variant);
      cursor: pointer;
    }
    .toggle.on {
      border-color: transparent;
      background: var(--mat-sys-secondary-container);
      color: var(--mat-sys-on-secondary-container);
    }
    .toggle:focus-within {
      outline: 2px solid var(--mat-sys-primary);
      outline-offset: 1px;
    }
    .check {
      width: 18px;
      height: 18px;
      margin: 0;
      accent-color: var(--mat-sys-primary);
      cursor: pointer;
    }
    @media (max-width: 760px) {
      .fold {
        display: inline-flex;
      }
      .fields {
        display: none;
        grid-template-columns: repeat(2, minmax(0, 1fr));
      }
      .fields.open {
        display: grid;
      }
    }
  `,
})
export class TicketFiltersComponent {
  readonly query = input.required<TicketListQuery>();
  /** The picked customer and assignee (`query` holds only their ids). */
  readonly customer = input<PickerOption | null>(null);
  readonly assignee = input<PickerOption | null>(null);
  readonly customers = input.required<OptionSearch>();
  readonly assignees = input.required<OptionSearch>();

  readonly changed = output<TicketListChange>();

  protected readonly open = signal(false);

  protected search(q: string): void {
    this.changed.emit({ q });
  }

  /** A multiple choice is reported when its panel closes: one list load and one history entry for all the ticks. */
  protected many(field: 'priority' | 'type' | 'topic', value: readonly string[]): void {
    const before = this.query()[field];
    if (value.length === before.length && value.every((v) => (before as readonly string[]).includes(v))) return;
    this.changed.emit({ [field]: value } as TicketListChange);
  }
  protected readonly filtered = computed(() => isFiltered(this.query()));
  protected readonly activeCount = computed(() => {
    const f = this.query();
    return [
      f.status !== null,
      f.priority.length > 0,
      f.type.length > 0,
      f.topic.length > 0,
      f.customerId !== null,
      f.assigneeId !== null,
      f.overdue,
    ].filter(Boolean).length;
  });
  protected readonly noFilters = NO_FILTERS;
  protected readonly statuses = TICKET_STATUSES;
  protected readonly priorities = TICKET_PRIORITIES;
  protected readonly types = TICKET_TYPES;
  protected readonly topics = TICKET_TOPICS;
  protected readonly statusLabel = statusLabel;
  protected readonly priorityLabel = priorityLabel;
  protected readonly typeLabel = typeLabel;
  protected readonly topicLabel = topicLabel;
}
