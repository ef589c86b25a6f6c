import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';

/** Below the log-in and sign-up forms: "or", then the Demo user button with its one-line hint. */
@Component({
  selector: 'bw-demo-choice',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButtonModule],
  template: `
    <div class="or" aria-hidden="true">or</div>
    <button
      matButton="tonal"
      class="demo"
      type="button"
      data-testid="demo-user"
      [disabled]="pending()"
      (click)="demo.emit()"
    >
      Demo user
    </button>
    <p class="demo-hint">Look around with a ready-made account — no sign-up needed.</p>
  `,
  styles: `
    :host {
      display: block;
    }
    .or {
      display: flex;
      align-items: center;
      gap: 12px;
      margin: 24px 0 16px;
      color: var(--mat-sys-on-surface-variant);
      font: var(--mat-sys-label-medium);
      text-transform: uppercase;
      letter-spacing: 0.08em;
    }
    .or::before,
    .or::after {
      content: '';
      flex: 1;
      border-top: 1px solid var(--mat-sys-outline-variant);
    }
    .demo {
      width: 100%;
      height: 48px;
    }
    .demo-hint {
      margin: 8px 0 0;
      text-align: center;
      font: var(--mat-sys-body-small);
      color: var(--mat-sys-on-surface-variant);
    }
  `,
})
export class DemoChoiceComponent {
  readonly pending = input(false);
  readonly demo = output<void>();
}
