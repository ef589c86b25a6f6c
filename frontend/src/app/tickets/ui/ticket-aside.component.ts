import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { RouterLink } from '@angular/router';
import { topicLabel, typeLabel } from '../../shared/ticket-fields/ticket-labels';
import type { Ticket } from '../data-access/ticket.model';
import { TicketOverdueBadgeComponent } from './ticket-overdue-badge.component';
import { TicketPriorityComponent } from './ticket-priority.component';
import { TicketStatusChipComponent } from './ticket-status-chip.component';

/** The side panel of a ticket: its customer, and its properties. */
@Component({
  selector: 'bw-ticket-aside',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [DatePipe, RouterLink, TicketStatusChipComponent, TicketPriorityComponent, TicketOverdueBadgeComponent],
  template: `
    @let t = ticket();
    <section class="bw-panel card" aria-labelledby="customer-heading" data-testid="ticket-customer-card">
      <h2 id="customer-heading">Customer</h2>
      <p class="name">
        @if (linkCustomer() && !t.customer.deleted) {
          <a [routerLink]="['/customer', t.customer.id]">{{ t.customer.name }}</a>
        } @else {
          <span>{{ t.customer.name }}</span>
        }
        @if (t.customer.deleted) {
          <span class="deleted" data-testid="customer-deleted">Deleted</span>
        }
      </p>
      <p class="email">
        @if (t.customer.deleted) {
          {{ t.customer.email }}
        } @else {
          <a [href]="'mailto:' + t.customer.email">{{ t.customer.email }}</a>
        }
      </p>
      @if (t.customer.deleted) {
        <p class="note">This customer was deleted. The ticket keeps their name and email as they were.</p>
      }
    </section>

    <section class="bw-panel card" aria-labelledby="details-heading">
      <h2 id="details-heading">Details</h2>
      <dl>
        <dt>Status</dt>
        <dd><bw-ticket-status-chip [status]="t.status" /></dd>
        <dt>Priority</dt>
        <dd><bw-ticket-priority [priority]="t.priority" /></dd>
        <dt>Due</dt>
        <dd class="due" data-testid="ticket-due">
          @if (t.dueAt) {
            <time [attr.datetime]="t.dueAt">{{ t.dueAt | date: 'MMM d, y, h:mm a' }}</time>
            @if (t.overdue) {
              <bw-ticket-overdue-badge />
            }
          } @else {
            <span>No due date</span>
          }
        </dd>
        <dt>Type</dt>
        <dd>{{ typeLabel(t.type) }}</dd>
        <dt>Topic</dt>
        <dd>{{ topicLabel(t.topic) }}</dd>
        <dt>Created by</dt>
        <dd>
          <a [routerLink]="['/users', t.creator.id, 'tickets']">{{
            t.creator.id === meId() ? 'You' : t.creator.username
          }}</a>
        </dd>
        <dt>Assignee</dt>
        <dd data-testid="ticket-assignee">{{ t.assignee.id === meId() ? 'You' : t.assignee.username }}</dd>
        <dt>Created</dt>
        <dd>
          <time [attr.datetime]="t.createdAt">{{ t.createdAt | date: 'MMM d, y, h:mm a' }}</time>
        </dd>
        <dt>Updated</dt>
        <dd>
          <time [attr.datetime]="t.updatedAt">{{ t.updatedAt | date: 'MMM d, y, h:mm a' }}</time>
        </dd>
        @if (t.closedAt) {
          <dt>Completed</dt>
          <dd>
            <time [attr.datetime]="t.closedAt">{{ t.closedAt | date: 'MMM d, y, h:mm a' }}</time>
          </dd>
        }
      </dl>
    </section>
  `,
  styles: `
    :host {
      display: flex;
      flex-direction: column;
      gap: 16px;
    }
    .card {
      padding: 16px 20px;
    }
    h2 {
      margin: 0 0 12px;
      font: var(--mat-sys-title-small);
      color: var(--mat-sys-on-surface-variant);
      text-transform: uppercase;
      letter-spacing: 0.06em;
    }
    .name {
      display: flex;
      align-items: center;
      gap: 8px;
      margin: 0 0 4px;
      font: var(--mat-sys-title-medium);
    }
    .email {
      margin: 0;
      font: var(--mat-sys-body-medium);
      overflow-wrap: anywhere;
    }
    .deleted {
      padding: 1px 8px;
      border-radius: 4px;
      background: var(--mat-sys-error-container);
      color: var(--mat-sys-on-error-container);
      font: var(--mat-sys-label-small);
      text-transform: uppercase;
      letter-spacing: 0.04em;
    }
    .note {
      margin: 12px 0 0;
      font: var(--mat-sys-body-small);
      color: var(--mat-sys-on-surface-variant);
    }
    dl {
      display: grid;
      grid-template-columns: auto 1fr;
      gap: 10px 16px;
      margin: 0;
      font: var(--mat-sys-body-medium);
    }
    dt {
      color: var(--mat-sys-on-surface-variant);
    }
    dd {
      margin: 0;
      display: flex;
      align-items: center;
    }
    .due {
      flex-wrap: wrap;
      gap: 8px;
    }
  `,
})
export class TicketAsideComponent {
  readonly ticket = input.required<Ticket>();
  readonly meId = input<string | null>(null);
  /** Link the customer's name to its page (only its owner, the ticket's creator, can open it). */
  readonly linkCustomer = input(false);

  protected readonly typeLabel = typeLabel;
  protected readonly topicLabel = topicLabel;
}
