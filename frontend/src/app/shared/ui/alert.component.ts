import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';

/** An error (or notice) banner with an optional action button, e.g. "Try again" or "Reload". */
@Component({
  selector: 'bw-alert',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButtonModule],
  host: { role: 'alert', '[class.info]': "tone() === 'info'" },
  template: `
    <span class="text">{{ message() }}</span>
    @if (actionLabel()) {
      <button matButton type="button" class="action" (click)="action.emit()">{{ actionLabel() }}</button>
    }
  `,
  styles: `
    :host {
      display: flex;
      align-items: center;
      justify-content: space-between;
      gap: 16px;
      margin: 0 0 16px;
      padding: 10px 12px 10px 16px;
      border-radius: var(--mat-sys-corner-small);
      background: var(--mat-sys-error-container);
      color: var(--mat-sys-on-error-container);
      font: var(--mat-sys-body-medium);
      --mat-button-text-label-text-color: var(--mat-sys-on-error-container);
    }
    :host(.info) {
      background: var(--mat-sys-secondary-container);
      color: var(--mat-sys-on-secondary-container);
      --mat-button-text-label-text-color: var(--mat-sys-on-secondary-container);
    }
    .action {
      flex: none;
    }
  `,
})
export class AlertComponent {
  readonly message = input.required<string>();
  readonly actionLabel = input<string | null>(null);
  readonly tone = input<'error' | 'info'>('error');
  readonly action = output<void>();
}
