import { ChangeDetectionStrategy, Component, inject, input, output } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatSnackBar } from '@angular/material/snack-bar';

/**
 * A secret the server shows only once (an API token, a webhook's signing secret): the secret in
 * a selectable box with Copy and Done, announced politely to screen readers. The explanation is
 * projected below the heading.
 */
@Component({
  selector: 'bw-secret-once',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButtonModule],
  host: { role: 'status', 'aria-live': 'polite' },
  template: `
    <h2>{{ heading() }}</h2>
    <p><ng-content /></p>
    <div class="secret-row">
      <code [attr.data-testid]="secretTestId()">{{ secret() }}</code>
      <button matButton="outlined" type="button" (click)="copy()">{{ copyLabel() }}</button>
      <button matButton type="button" (click)="done.emit()">Done</button>
    </div>
  `,
  styles: `
    :host {
      display: block;
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: 12px;
      padding: 16px;
      margin-bottom: 16px;
      background: var(--mat-sys-surface-container);
    }
    h2 {
      font: var(--mat-sys-title-medium);
      margin: 0 0 4px;
    }
    p {
      margin: 0 0 12px;
      color: var(--mat-sys-on-surface-variant);
    }
    .secret-row {
      display: flex;
      flex-wrap: wrap;
      gap: 8px;
      align-items: center;
    }
    code {
      flex: 1 1 260px;
      overflow-wrap: anywhere;
      padding: 8px;
      border-radius: 8px;
      background: var(--mat-sys-surface-container-high);
    }
  `,
})
export class SecretOnceComponent {
  readonly heading = input.required<string>();
  readonly secret = input.required<string>();
  /** What the secret is called in the copy messages: "Token copied", "select the token…". */
  readonly noun = input.required<string>();
  readonly copyLabel = input('Copy');
  readonly secretTestId = input<string | null>(null);
  /** The user has kept the secret: the parent hides it for good. */
  readonly done = output<void>();

  private readonly snackBar = inject(MatSnackBar);

  protected async copy(): Promise<void> {
    const noun = this.noun();
    try {
      await navigator.clipboard.writeText(this.secret());
      this.snackBar.open(`${noun.charAt(0).toUpperCase()}${noun.slice(1)} copied`, undefined, { duration: 3000 });
    } catch {
      this.snackBar.open(`Copying is blocked here: select the ${noun} and copy it yourself`, 'Dismiss');
    }
  }
}
