import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, input, output } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { RouterLink } from '@angular/router';
import { RelativeTimeComponent } from '../../shared/ui/relative-time.component';
import { eventLabel } from '../../triggers';
import type { Message, MessageBox } from '../data-access/messages-list.store';

let nextId = 0;

/**
 * One message: who from (inbox) or to (sent), the event, when, the text, and links to the
 * ticket or customer. Unread inbox messages are bold with a dot; opening one (a click on it,
 * a link, or "Mark read") marks it read.
 */
@Component({
  selector: 'bw-message-list-item',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [DatePipe, RouterLink, MatButtonModule, RelativeTimeComponent],
  host: {
    role: 'listitem',
    'data-testid': 'message-row',
    '[class.unread]': 'unread()',
    '[attr.aria-labelledby]': 'headId',
    '(click)': 'opened()',
  },
  template: `
    @let m = message();
    <span class="dot" aria-hidden="true"></span>
    <div class="main">
      <div class="head" [id]="headId">
        @if (unread()) {
          <span class="bw-visually-hidden">Unread.</span>
        }
        <span class="who">{{ box() === 'inbox' ? 'From ' + m.sender.username : 'To ' + m.receiver.username }}</span>
        <span class="chip">{{ event() }}</span>
        <bw-relative-time class="date" [at]="m.createdAt" />
      </div>
      <p class="body" dir="auto" data-testid="message-body">{{ m.body }}</p>
      <div class="links">
        @if (m.ticketId) {
          <a [routerLink]="['/ticket', m.ticketId]">Open ticket</a>
        }
        @if (m.customerId && m.event !== 'customer.deleted') {
          <a [routerLink]="['/customer', m.customerId]">Open customer</a>
        }
        @if (box() === 'sent') {
          <span class="read-state">{{ m.readAt ? 'Read ' + (m.readAt | date: 'MMM d, HH:mm') : 'Not read yet' }}</span>
        }
      </div>
    </div>
    @if (unread()) {
      <button
        matButton
        type="button"
        class="mark"
        [disabled]="busy()"
        (click)="markRead.emit(m); $event.stopPropagation()"
      >
        Mark read
      </button>
    }
  `,
  styles: `
    @use 'list-row' as row;
    @use 'badges';

    @include row.host(12px minmax(0, 1fr) auto, $padding: 14px 16px 14px 14px, $gap: 8px 12px);
    :host(.unread) {
      background: color-mix(in srgb, var(--mat-sys-primary) 5%, transparent);
      cursor: pointer;
    }
    .dot {
      width: 10px;
      height: 10px;
      margin-top: 6px;
      border-radius: 50%;
    }
    :host(.unread) .dot {
      background: var(--mat-sys-primary);
    }
    .head {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 4px 10px;
      font: var(--mat-sys-body-medium);
    }
    :host(.unread) .who,
    :host(.unread) .body {
      font-weight: 700;
    }
    .chip {
      @include badges.chip(var(--mat-sys-secondary-container), var(--mat-sys-on-secondary-container));
    }
    .date,
    .read-state {
      @include row.muted;
    }
    .body {
      margin: 4px 0 0;
      white-space: pre-wrap;
      overflow-wrap: anywhere;
      font: var(--mat-sys-body-medium);
    }
    .links {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 4px 16px;
      margin-top: 6px;
      font: var(--mat-sys-body-small);
    }
    .links:empty {
      display: none;
    }
  `,
})
export class MessageListItemComponent {
  readonly message = input.required<Message>();
  readonly box = input<MessageBox>('inbox');
  readonly busy = input(false);

  readonly markRead = output<Message>();

  protected readonly headId = `bw-message-head-${nextId++}`;
  protected readonly unread = computed(() => this.box() === 'inbox' && this.message().readAt === null);
  protected readonly event = computed(() => eventLabel(this.message().event));

  /** A click anywhere on an unread message (its links included) reads it. */
  protected opened(): void {
    if (this.unread() && !this.busy()) {
      this.markRead.emit(this.message());
    }
  }
}
