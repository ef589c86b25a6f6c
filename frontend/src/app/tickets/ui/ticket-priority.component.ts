import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { priorityLabel } from '../../shared/ticket-fields/ticket-labels';
import type { TicketPriority } from '../data-access/ticket.model';

/** The ticket's priority; high and urgent stand out. */
@Component({
  selector: 'bw-ticket-priority',
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { '[attr.data-priority]': 'priority()', '[attr.title]': 'label() + " priority"' },
  template: `<span class="bars" aria-hidden="true"><i></i><i></i><i></i></span>{{ label() }}`,
  styles: `
    :host {
      display: inline-flex;
      align-items: center;
      gap: 6px;
      font: var(--mat-sys-label-large);
      color: var(--mat-sys-on-surface-variant);
      white-space: nowrap;
    }
    .bars {
      display: inline-flex;
      align-items: flex-end;
      gap: 2px;
      height: 12px;
    }
    i {
      width: 3px;
      border-radius: 1px;
      background: var(--mat-sys-outline-variant);
    }
    i:nth-child(1) {
      height: 5px;
    }
    i:nth-child(2) {
      height: 8px;
    }
    i:nth-child(3) {
      height: 12px;
    }
    :host([data-priority='low']) i:nth-child(1),
    :host([data-priority='normal']) i:nth-child(-n + 2) {
      background: var(--mat-sys-on-surface-variant);
    }
    :host([data-priority='high']) {
      color: light-dark(#8a4b00, #ffb870);
    }
    :host([data-priority='high']) i {
      background: light-dark(#c76e00, #ffa040);
    }
    :host([data-priority='urgent']) {
      color: var(--mat-sys-error);
      font-weight: 600;
    }
    :host([data-priority='urgent']) i {
      background: var(--mat-sys-error);
    }
  `,
})
export class TicketPriorityComponent {
  readonly priority = input.required<TicketPriority>();
  protected readonly label = computed(() => priorityLabel(this.priority()));
}
