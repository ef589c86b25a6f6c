import { ChangeDetectionStrategy, Component } from '@angular/core';

/** "Overdue": the ticket's due time passed while it is open or pending. */
@Component({
  selector: 'bw-ticket-overdue-badge',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `<span class="badge" data-testid="overdue-badge">Overdue</span>`,
  styles: `
    .badge {
      display: inline-block;
      padding: 2px 10px;
      border-radius: 999px;
      background: var(--mat-sys-error-container);
      color: var(--mat-sys-on-error-container);
      font: var(--mat-sys-label-medium);
      white-space: nowrap;
    }
  `,
})
export class TicketOverdueBadgeComponent {}
