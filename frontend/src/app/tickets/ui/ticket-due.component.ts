import { ChangeDetectionStrategy, Component, computed, inject, input, LOCALE_ID } from '@angular/core';
import { MinuteClock } from '../../core/time/minute-clock';
import { exactTime } from '../../core/time/relative-time';
import type { Ticket } from '../data-access/ticket.model';
import { dueText } from './due-time';
import { TicketOverdueBadgeComponent } from './ticket-overdue-badge.component';

/**
 * A ticket's due time in the tickets table: "in 3 hours" / "2 days ago" (the exact time on
 * hover), the Overdue badge when it is overdue, and "—" (read as "No due date") when it has none.
 */
@Component({
  selector: 'bw-ticket-due',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [TicketOverdueBadgeComponent],
  template: `
    @let at = ticket().dueAt;
    @if (at) {
      <time class="time" data-testid="ticket-due" [attr.datetime]="at" [title]="exact()"
        ><span class="phone-label">due </span>{{ text() }}</time
      >
    } @else {
      <span class="none" data-testid="ticket-due"
        ><span class="phone-label" aria-hidden="true">due </span><span aria-hidden="true">—</span
        ><span class="bw-visually-hidden">No due date</span></span
      >
    }
    @if (ticket().overdue) {
      <bw-ticket-overdue-badge />
    }
  `,
  styles: `
    /* The badge goes under the time when the table is short of room. */
    :host {
      display: inline-flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 2px 6px;
    }
    .time,
    .none {
      font: var(--mat-sys-body-small);
      color: var(--mat-sys-on-surface-variant);
      white-space: nowrap;
    }
    .phone-label {
      display: none;
    }
    @media (max-width: 760px) {
      .phone-label {
        display: inline;
      }
    }
  `,
})
export class TicketDueComponent {
  readonly ticket = input.required<Pick<Ticket, 'dueAt' | 'overdue'>>();

  private readonly clock = inject(MinuteClock);
  private readonly locale = inject(LOCALE_ID);
  protected readonly text = computed(() => {
    const at = this.ticket().dueAt;
    return at ? dueText(at, this.clock.now(), this.locale) : '';
  });
  protected readonly exact = computed(() => {
    const at = this.ticket().dueAt;
    return at ? exactTime(at, this.locale) : '';
  });
}
