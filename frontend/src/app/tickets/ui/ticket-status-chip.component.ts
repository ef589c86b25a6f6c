import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { statusLabel } from '../../shared/ticket-fields/ticket-labels';
import type { TicketStatus } from '../data-access/ticket.model';

/** The ticket's status as a small coloured pill. */
@Component({
  selector: 'bw-ticket-status-chip',
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { '[attr.data-status]': 'status()', 'data-testid': 'ticket-status' },
  template: `<span class="dot" aria-hidden="true"></span>{{ label() }}`,
  styles: `
    :host {
      display: inline-flex;
      align-items: center;
      gap: 6px;
      height: 24px;
      padding: 0 10px;
      border-radius: 12px;
      font: var(--mat-sys-label-medium);
      white-space: nowrap;
      background: var(--mat-sys-primary-container);
      color: var(--mat-sys-on-primary-container);
    }
    .dot {
      width: 6px;
      height: 6px;
      border-radius: 50%;
      background: currentColor;
    }
    :host([data-status='pending']) {
      background: light-dark(#fff0c2, #4a3800);
      color: light-dark(#5c4300, #ffe08a);
    }
    :host([data-status='closed']) {
      background: light-dark(#d8f0dd, #12391c);
      color: light-dark(#1d5b2c, #b6ecc2);
    }
  `,
})
export class TicketStatusChipComponent {
  readonly status = input.required<TicketStatus>();
  protected readonly label = computed(() => statusLabel(this.status()));
}
