import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, input, output } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { RouterLink } from '@angular/router';
import { topicLabel, typeLabel } from '../../shared/ticket-fields/ticket-labels';
import { ticketPermissions } from '../data-access/ticket-permissions';
import type { Ticket } from '../data-access/ticket.model';
import { TicketPriorityComponent } from './ticket-priority.component';
import { TicketStatusChipComponent } from './ticket-status-chip.component';

let nextId = 0;

/**
 * One ticket in a list: title (to its page), status, priority, customer, who sent it to whom
 * and when; Edit and Delete when the signed-in user may use them.
 */
@Component({
  selector: 'bw-ticket-list-item',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, DatePipe, MatButtonModule, TicketStatusChipComponent, TicketPriorityComponent],
  host: { role: 'listitem', 'data-testid': 'ticket-row', '[attr.aria-labelledby]': 'titleId' },
  template: `
    @let t = ticket();
    <div class="main">
      <div class="heading">
        <span class="number" data-testid="ticket-number">#{{ t.number }}</span>
        <a class="title" dir="auto" [id]="titleId" [routerLink]="['/ticket', t.id]">{{ t.title }}</a>
      </div>
      <div class="meta">
        <span>{{ typeLabel(t.type) }} · {{ topicLabel(t.topic) }}</span>
        <span class="customer" data-testid="ticket-customer">
          <span class="label">for</span> {{ t.customer.name }}
          @if (t.customer.deleted) {
            <span class="deleted" title="This customer was deleted">deleted</span>
          }
        </span>
        <span>
          <a
            class="person"
            [routerLink]="['/users', t.creator.id, 'tickets']"
            title="Tickets created by {{ t.creator.username }}"
            >{{ nameOf(t.creator) }}</a
          >
          <span aria-label="assigned to"> → </span>
          <span class="person">{{ nameOf(t.assignee) }}</span>
        </span>
        <time [attr.datetime]="t.createdAt" title="{{ t.createdAt | date: 'medium' }}">{{
          t.createdAt | date: 'MMM d, y'
        }}</time>
      </div>
    </div>
    <div class="state">
      <bw-ticket-status-chip [status]="t.status" />
      <bw-ticket-priority [priority]="t.priority" />
    </div>
    @if (showActions()) {
      <div class="actions">
        @if (permissions().canEdit) {
          <button matButton type="button" [disabled]="busy()" (click)="edit.emit(t)">Edit</button>
        }
        @if (permissions().canDelete) {
          <button matButton type="button" class="bw-danger" [disabled]="busy()" (click)="delete.emit(t)">Delete</button>
        }
      </div>
    }
  `,
  styles: `
    @use 'list-row' as row;

    @include row.host(minmax(0, 1fr) 190px 150px, $align: center);
    @include row.hover-tint;
    .title {
      @include row.title-link;
    }
    .heading {
      display: flex;
      gap: 6px;
      align-items: baseline;
      min-width: 0;
    }
    .number {
      color: var(--mat-sys-on-surface-variant);
      font-variant-numeric: tabular-nums;
      flex: none;
    }
    .meta {
      @include row.meta(4px 14px, 4px);
    }
    .customer {
      color: var(--mat-sys-on-surface);
    }
    .label {
      color: var(--mat-sys-on-surface-variant);
    }
    .deleted {
      margin-left: 4px;
      padding: 0 6px;
      border-radius: 4px;
      background: var(--mat-sys-error-container);
      color: var(--mat-sys-on-error-container);
      font: var(--mat-sys-label-small);
      text-transform: uppercase;
      letter-spacing: 0.04em;
    }
    .person {
      color: inherit;
    }
    .state {
      display: flex;
      align-items: center;
      gap: 14px;
    }
    .actions {
      @include row.actions(flex-end);
    }
    @media (max-width: 760px) {
      :host {
        grid-template-columns: minmax(0, 1fr);
      }
      .actions {
        justify-content: flex-start;
      }
    }
  `,
})
export class TicketListItemComponent {
  readonly ticket = input.required<Ticket>();
  /** The signed-in user's id: decides which buttons show, and who is "you". */
  readonly meId = input<string | null>(null);
  readonly showActions = input(true);
  /** An action on this ticket is in flight. */
  readonly busy = input(false);

  readonly edit = output<Ticket>();
  readonly delete = output<Ticket>();

  protected readonly titleId = `bw-ticket-title-${nextId++}`;
  protected readonly permissions = computed(() => ticketPermissions(this.ticket(), this.meId()));
  protected readonly typeLabel = typeLabel;
  protected readonly topicLabel = topicLabel;

  protected nameOf(user: { id: string; username: string }): string {
    return user.id === this.meId() ? 'you' : user.username;
  }
}
