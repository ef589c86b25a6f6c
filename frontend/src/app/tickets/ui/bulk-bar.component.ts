import { ChangeDetectionStrategy, Component, computed, input, output } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatMenuModule } from '@angular/material/menu';
import { priorityLabel, statusLabel } from '../../shared/ticket-fields/ticket-labels';
import { BULK_MAX_IDS, type BulkActionType } from '../data-access/ticket-bulk';
import { TICKET_PRIORITIES, TICKET_STATUSES } from '../data-access/ticket.model';

/** A button of the bulk bar: the action, and its value when the bar already knows it. */
export interface BulkRequest {
  readonly type: BulkActionType;
  readonly value?: string;
}

/**
 * The bar over the tickets table while rows are selected: how many, and what to do to all of
 * them. Set assignee, Apply macro and Delete ask more (the page opens a dialog).
 */
@Component({
  selector: 'bw-bulk-bar',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButtonModule, MatMenuModule],
  host: { role: 'toolbar', 'aria-label': 'Bulk actions', 'data-testid': 'bulk-bar' },
  template: `
    <span class="count" data-testid="bulk-count">{{ count() }} selected</span>
    @if (chunks() > 1) {
      <span class="note">sent {{ max }} at a time</span>
    }
    <div class="buttons">
      <button matButton="tonal" type="button" [disabled]="busy()" (click)="requested.emit({ type: 'close' })">
        Close
      </button>
      <button matButton="tonal" type="button" [disabled]="busy()" (click)="requested.emit({ type: 'reopen' })">
        Reopen
      </button>
      <button matButton="tonal" type="button" [disabled]="busy()" [matMenuTriggerFor]="priorityMenu">
        Set priority
      </button>
      <button matButton="tonal" type="button" [disabled]="busy()" [matMenuTriggerFor]="statusMenu">Set status</button>
      <button matButton="tonal" type="button" [disabled]="busy()" (click)="requested.emit({ type: 'set_assignee' })">
        Set assignee…
      </button>
      <button matButton="tonal" type="button" [disabled]="busy()" (click)="requested.emit({ type: 'apply_macro' })">
        Apply macro…
      </button>
      <button
        matButton="tonal"
        type="button"
        class="bw-danger"
        [disabled]="busy()"
        (click)="requested.emit({ type: 'delete' })"
      >
        Delete…
      </button>
      <button matButton type="button" [disabled]="busy()" (click)="cleared.emit()">Clear selection</button>
    </div>
    <mat-menu #priorityMenu="matMenu">
      @for (p of priorities; track p) {
        <button mat-menu-item type="button" (click)="requested.emit({ type: 'set_priority', value: p })">
          {{ priorityLabel(p) }}
        </button>
      }
    </mat-menu>
    <mat-menu #statusMenu="matMenu">
      @for (s of statuses; track s) {
        <button mat-menu-item type="button" (click)="requested.emit({ type: 'set_status', value: s })">
          {{ statusLabel(s) }}
        </button>
      }
    </mat-menu>
  `,
  styles: `
    :host {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 8px 16px;
      margin-bottom: 12px;
      padding: 8px 12px;
      border-radius: 12px;
      background: var(--mat-sys-secondary-container);
      color: var(--mat-sys-on-secondary-container);
    }
    .count {
      font: var(--mat-sys-title-small);
    }
    .note {
      font: var(--mat-sys-body-small);
    }
    .buttons {
      display: flex;
      flex-wrap: wrap;
      gap: 6px;
    }
  `,
})
export class BulkBarComponent {
  readonly count = input.required<number>();
  readonly busy = input(false);

  readonly requested = output<BulkRequest>();
  readonly cleared = output<void>();

  protected readonly max = BULK_MAX_IDS;
  protected readonly chunks = computed(() => Math.ceil(this.count() / BULK_MAX_IDS));
  protected readonly priorities = TICKET_PRIORITIES;
  protected readonly statuses = TICKET_STATUSES;
  protected readonly priorityLabel = priorityLabel;
  protected readonly statusLabel = statusLabel;
}
