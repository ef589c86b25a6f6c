import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { AlertComponent } from '../ui/alert.component';

/**
 * A `RecordForm`'s general message after a failed save, above its fields, with "Reload" when
 * the record changed meanwhile (409). Nothing while there is no message.
 * `<bw-form-problem [problem]="problem()" (reload)="reload.emit()" />`.
 */
@Component({
  selector: 'bw-form-problem',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [AlertComponent],
  host: { style: 'display: contents' },
  template: `
    @if (problem()?.message; as message) {
      <bw-alert
        [message]="message"
        [actionLabel]="problem()?.conflict ? 'Reload' : null"
        (action)="reload.emit()"
        data-testid="form-error"
      />
    }
  `,
})
export class FormProblemComponent {
  readonly problem = input<{ readonly message: string | null; readonly conflict: boolean } | null>(null);
  /** "Reload" after a conflict. */
  readonly reload = output<void>();
}
