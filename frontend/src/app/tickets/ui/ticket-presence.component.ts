import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import type { PresentUser } from '../data-access/ticket-presence';

/** Who else has the ticket open: "sam is editing · alex is viewing". A polite live region. */
@Component({
  selector: 'bw-ticket-presence',
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { role: 'status', 'aria-live': 'polite', '[class.empty]': 'others().length === 0' },
  template: `
    @if (others().length > 0) {
      <span class="faces" aria-hidden="true">
        @for (person of others(); track person.user.id) {
          <span class="face" [class.editing]="person.state === 'editing'" [title]="person.user.username">{{
            person.user.username.charAt(0).toUpperCase()
          }}</span>
        }
      </span>
      <span class="text" data-testid="ticket-presence">{{ sentence() }}</span>
    }
  `,
  styles: `
    :host {
      display: flex;
      align-items: center;
      gap: 8px;
      min-height: 28px;
      font: var(--mat-sys-body-medium);
      color: var(--mat-sys-on-surface-variant);
    }
    :host(.empty) {
      min-height: 0;
    }
    .faces {
      display: inline-flex;
    }
    .face {
      display: inline-grid;
      place-items: center;
      width: 24px;
      height: 24px;
      margin-right: -4px;
      border-radius: 50%;
      border: 2px solid var(--mat-sys-surface);
      background: var(--mat-sys-tertiary-container);
      color: var(--mat-sys-on-tertiary-container);
      font: var(--mat-sys-label-small);
    }
    .face.editing {
      background: var(--mat-sys-primary);
      color: var(--mat-sys-on-primary);
    }
    .text {
      margin-left: 8px;
    }
  `,
})
export class TicketPresenceComponent {
  readonly others = input.required<readonly PresentUser[]>();
  readonly sentence = input.required<string>();
}
