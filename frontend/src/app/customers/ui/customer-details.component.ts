import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import type { Customer } from '../data-access/customer.model';

/** A customer's contact details and notes. */
@Component({
  selector: 'bw-customer-details',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [DatePipe],
  template: `
    @let c = customer();
    <dl>
      <dt>Email</dt>
      <dd data-testid="customer-email">
        <a [href]="'mailto:' + c.email">{{ c.email }}</a>
      </dd>
      <dt>Phone</dt>
      <dd>{{ c.phone || '—' }}</dd>
      <dt>Company</dt>
      <dd>{{ c.company || '—' }}</dd>
      <dt>Added</dt>
      <dd>
        <time [attr.datetime]="c.createdAt">{{ c.createdAt | date: 'MMM d, y' }}</time>
      </dd>
      <dt>Updated</dt>
      <dd>
        <time [attr.datetime]="c.updatedAt">{{ c.updatedAt | date: 'MMM d, y, h:mm a' }}</time>
      </dd>
    </dl>
    <h3>Notes</h3>
    @if (c.notes) {
      <p class="notes" dir="auto">{{ c.notes }}</p>
    } @else {
      <p class="muted">No notes.</p>
    }
  `,
  styles: `
    :host {
      display: block;
    }
    dl {
      display: grid;
      grid-template-columns: auto 1fr;
      gap: 10px 24px;
      margin: 0 0 20px;
      font: var(--mat-sys-body-medium);
    }
    dt {
      color: var(--mat-sys-on-surface-variant);
    }
    dd {
      margin: 0;
      overflow-wrap: anywhere;
    }
    h3 {
      margin: 0 0 6px;
      font: var(--mat-sys-title-small);
      color: var(--mat-sys-on-surface-variant);
    }
    .notes {
      margin: 0;
      white-space: pre-wrap;
      overflow-wrap: anywhere;
      font: var(--mat-sys-body-medium);
    }
    .muted {
      margin: 0;
      color: var(--mat-sys-on-surface-variant);
      font: var(--mat-sys-body-medium);
    }
  `,
})
export class CustomerDetailsComponent {
  readonly customer = input.required<Customer>();
}
