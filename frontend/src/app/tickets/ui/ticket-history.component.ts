import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { RelativeTimeComponent } from '../../shared/ui/relative-time.component';
import type { HistoryLine } from '../data-access/ticket-history';

/** A ticket's history as a timeline, oldest first: who, when, through what, and each field's from → to. */
@Component({
  selector: 'bw-ticket-history',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RelativeTimeComponent],
  template: `
    <ol class="timeline">
      @for (line of lines(); track line.id) {
        <li class="entry" data-testid="history-entry">
          <div class="head">
            <span class="who">{{ line.who }}</span>
            <span class="what">{{ line.what }}</span>
            <span class="via" data-testid="history-via">{{ line.via }}</span>
          </div>
          <bw-relative-time [at]="line.at" />
          @if (line.changes.length > 0) {
            <ul class="changes">
              @for (change of line.changes; track change.field) {
                <li data-testid="history-change">
                  <span class="field">{{ change.field }}</span>
                  <span class="from">{{ change.from }}</span>
                  <span class="arrow" aria-hidden="true">→</span><span class="bw-visually-hidden">to</span>
                  <span class="to">{{ change.to }}</span>
                </li>
              }
            </ul>
          }
        </li>
      }
    </ol>
  `,
  styles: `
    .timeline {
      list-style: none;
      margin: 0;
      padding: 0 0 0 16px;
      border-left: 2px solid var(--mat-sys-outline-variant);
      display: flex;
      flex-direction: column;
      gap: 14px;
    }
    .entry {
      position: relative;
      font: var(--mat-sys-body-medium);
    }
    .entry::before {
      content: '';
      position: absolute;
      left: -22px;
      top: 6px;
      width: 10px;
      height: 10px;
      border-radius: 50%;
      background: var(--mat-sys-primary);
    }
    .head {
      display: flex;
      flex-wrap: wrap;
      align-items: baseline;
      gap: 4px 6px;
    }
    .who {
      font: var(--mat-sys-title-small);
    }
    .via {
      padding: 0 8px;
      border-radius: 10px;
      background: var(--mat-sys-secondary-container);
      color: var(--mat-sys-on-secondary-container);
      font: var(--mat-sys-label-small);
      line-height: 18px;
    }
    bw-relative-time {
      display: block;
      font: var(--mat-sys-body-small);
      color: var(--mat-sys-on-surface-variant);
    }
    .changes {
      list-style: none;
      margin: 4px 0 0;
      padding: 0;
      overflow-wrap: anywhere;
    }
    .field {
      font-weight: 600;
      margin-right: 6px;
    }
    .arrow {
      margin: 0 6px;
      color: var(--mat-sys-on-surface-variant);
    }
  `,
})
export class TicketHistoryComponent {
  readonly lines = input.required<readonly HistoryLine[]>();
}
