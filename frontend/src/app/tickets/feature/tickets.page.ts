import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { SessionStore } from '../../core/auth/session.store';

/** `/tickets`: placeholder until the tickets slice lands. */
@Component({
  selector: 'bw-tickets-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="bw-page">
      <header class="head">
        <h1>Tickets</h1>
        <p class="sub">Requests you sent and requests assigned to you, newest first.</p>
      </header>

      <div class="empty" data-testid="tickets-empty">
        <svg viewBox="0 0 48 48" aria-hidden="true" focusable="false">
          <rect x="6" y="10" width="36" height="28" rx="4" />
          <path d="M6 20h36M14 28h12" />
        </svg>
        <h2>No tickets yet</h2>
        <p>
          @if (username(); as name) {
            Welcome, {{ name }}.
          }
          Tickets you create, and tickets assigned to you, will show up here.
        </p>
      </div>
    </section>
  `,
  styles: `
    .head {
      margin-bottom: 24px;
    }
    h1 {
      margin: 0 0 4px;
      font: var(--mat-sys-headline-medium);
    }
    .sub {
      margin: 0;
      color: var(--mat-sys-on-surface-variant);
    }
    .empty {
      display: flex;
      flex-direction: column;
      align-items: center;
      padding: 64px 24px;
      border: 1px dashed var(--mat-sys-outline-variant);
      border-radius: var(--mat-sys-corner-large);
      background: var(--mat-sys-surface);
      text-align: center;
    }
    svg {
      width: 56px;
      height: 56px;
      margin-bottom: 16px;
      fill: none;
      stroke: var(--mat-sys-primary);
      stroke-width: 2.5;
      stroke-linecap: round;
    }
    h2 {
      margin: 0 0 8px;
      font: var(--mat-sys-title-large);
    }
    .empty p {
      margin: 0;
      max-width: 48ch;
      color: var(--mat-sys-on-surface-variant);
    }
  `,
})
export class TicketsPage {
  private readonly session = inject(SessionStore);
  protected readonly username = computed(() => this.session.user()?.username ?? null);
}
