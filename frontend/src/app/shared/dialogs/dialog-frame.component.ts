import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { MatDialogModule } from '@angular/material/dialog';
import { MatProgressBarModule } from '@angular/material/progress-bar';

/**
 * A form dialog's title and content, with a loading bar above the projected form (while the
 * latest version loads after a conflict, or the form's starting values are not ready yet).
 */
@Component({
  selector: 'bw-dialog-frame',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatDialogModule, MatProgressBarModule],
  template: `
    <h2 mat-dialog-title>{{ heading() }}</h2>
    <mat-dialog-content>
      <div class="bw-progress">
        @if (loading()) {
          <mat-progress-bar mode="indeterminate" [attr.aria-label]="loadingLabel()" />
        }
      </div>
      <ng-content />
    </mat-dialog-content>
  `,
  styles: `
    :host {
      display: contents;
    }
    mat-dialog-content {
      padding-top: 0;
    }
  `,
})
export class DialogFrameComponent {
  readonly heading = input.required<string>();
  readonly loading = input(false);
  readonly loadingLabel = input('Loading the latest version');
}
