import { ChangeDetectionStrategy, Component, input, ViewEncapsulation } from '@angular/core';
import { MatDialogModule } from '@angular/material/dialog';
import { MatProgressBarModule } from '@angular/material/progress-bar';

/**
 * A form dialog's title and content, with a loading bar above the projected form (while the
 * latest version loads after a conflict, or the form's starting values are not ready yet). The
 * form's Save/Cancel row (its last `.buttons` child) stays pinned to the bottom of the dialog
 * while the fields scroll, so a long form can be saved at any scroll position. The styles are not
 * encapsulated, to reach that projected row; they load with the first dialog.
 */
@Component({
  selector: 'bw-dialog-frame',
  changeDetection: ChangeDetectionStrategy.OnPush,
  encapsulation: ViewEncapsulation.None,
  imports: [MatDialogModule, MatProgressBarModule],
  template: `
    <h2 mat-dialog-title>{{ heading() }}</h2>
    <mat-dialog-content class="bw-dialog-frame">
      <div class="bw-progress">
        @if (loading()) {
          <mat-progress-bar mode="indeterminate" [attr.aria-label]="loadingLabel()" />
        }
      </div>
      <ng-content />
    </mat-dialog-content>
  `,
  styles: `
    bw-dialog-frame {
      display: contents;
    }
    .bw-dialog-frame.mat-mdc-dialog-content {
      padding-top: 0;
      padding-bottom: 0;
    }
    .bw-dialog-frame form > .buttons:last-child {
      position: sticky;
      bottom: 0;
      z-index: 1;
      margin-top: 0;
      padding: 12px 0 16px;
      background: var(--mat-dialog-container-color, var(--mat-sys-surface));
      border-top: 1px solid var(--mat-sys-outline-variant);
    }
  `,
})
export class DialogFrameComponent {
  readonly heading = input.required<string>();
  readonly loading = input(false);
  readonly loadingLabel = input('Loading the latest version');
}
