import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import type { BulkReport } from '../data-access/ticket-bulk';

/** How a bulk change went: "8 closed, 2 failed", and each failed ticket with the server's reason. */
@Component({
  selector: 'bw-bulk-results',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButtonModule],
  host: { 'data-testid': 'bulk-results', '[class.failed]': 'report().failures.length > 0' },
  template: `
    @let r = report();
    <div class="head">
      <p class="summary" data-testid="bulk-summary">{{ r.summary }}</p>
      <button matButton type="button" (click)="dismissed.emit()">Dismiss</button>
    </div>
    @if (r.failures.length > 0) {
      <ul class="failures" aria-label="Tickets that failed">
        @for (f of r.failures; track f.id) {
          <li data-testid="bulk-failure">
            <span class="label" dir="auto">{{ f.label }}</span>: {{ f.detail }}
          </li>
        }
      </ul>
    }
  `,
  styles: `
    :host {
      display: block;
      margin-bottom: 12px;
      padding: 8px 12px 8px 16px;
      border-radius: 12px;
      background: var(--mat-sys-surface-container-high);
      color: var(--mat-sys-on-surface);
    }
    :host(.failed) {
      border-left: 4px solid var(--mat-sys-error);
    }
    .head {
      display: flex;
      align-items: center;
      justify-content: space-between;
      gap: 8px;
    }
    .summary {
      margin: 0;
      font: var(--mat-sys-title-small);
    }
    .failures {
      margin: 4px 0 4px;
      padding-left: 20px;
      font: var(--mat-sys-body-medium);
    }
    .label {
      font-weight: 500;
    }
  `,
})
export class BulkResultsComponent {
  readonly report = input.required<BulkReport>();
  readonly dismissed = output<void>();
}
