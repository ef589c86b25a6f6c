import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { RouterLink } from '@angular/router';
import type { Customer } from '../data-access/customer.model';

let nextId = 0;

/** One customer in a list: name (to its page), email, company, phone; Edit and Delete. */
@Component({
  selector: 'bw-customer-list-item',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, DatePipe, MatButtonModule],
  host: { role: 'listitem', 'data-testid': 'customer-row', '[attr.aria-labelledby]': 'nameId' },
  template: `
    @let c = customer();
    <span class="avatar" aria-hidden="true">{{ c.name.charAt(0).toUpperCase() }}</span>
    <div class="main">
      <a class="name" dir="auto" [id]="nameId" [routerLink]="['/customer', c.id]">{{ c.name }}</a>
      <div class="meta">
        <span>{{ c.email }}</span>
        @if (c.company) {
          <span>{{ c.company }}</span>
        }
        @if (c.phone) {
          <span>{{ c.phone }}</span>
        }
      </div>
    </div>
    <time class="date" [attr.datetime]="c.createdAt" title="Added {{ c.createdAt | date: 'medium' }}"
      >Added {{ c.createdAt | date: 'MMM d, y' }}</time
    >
    <div class="actions">
      <button matButton type="button" [disabled]="busy()" (click)="edit.emit(c)">Edit</button>
      <button matButton type="button" class="bw-danger" [disabled]="busy()" (click)="delete.emit(c)">Delete</button>
    </div>
  `,
  styles: `
    @use 'list-row' as row;
    @use 'badges';

    @include row.host(auto minmax(0, 1fr) 140px auto, $align: center, $padding: 12px 16px 12px 20px);
    @include row.hover-tint;
    .avatar {
      @include badges.avatar(36px, var(--mat-sys-title-small));
    }
    .name {
      @include row.title-link;
    }
    .meta {
      @include row.meta(2px 14px, 2px);
    }
    .date {
      @include row.muted;
    }
    .actions {
      @include row.actions;
    }
    @media (max-width: 760px) {
      :host {
        grid-template-columns: auto minmax(0, 1fr);
      }
      .date,
      .actions {
        grid-column: 2;
      }
    }
  `,
})
export class CustomerListItemComponent {
  readonly customer = input.required<Customer>();
  readonly busy = input(false);

  readonly edit = output<Customer>();
  readonly delete = output<Customer>();

  protected readonly nameId = `bw-customer-name-${nextId++}`;
}
