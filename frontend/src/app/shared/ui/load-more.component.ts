import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatProgressSpinnerModule } from '@angular/material/progress-spinner';

/** The "Load more" button under a cursor-paginated list. */
@Component({
  selector: 'bw-load-more',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButtonModule, MatProgressSpinnerModule],
  template: `
    @if (hasMore()) {
      <button matButton="outlined" type="button" [disabled]="loading()" (click)="more.emit()">
        @if (loading()) {
          <mat-spinner diameter="18" aria-label="Loading" />
        }
        {{ label() }}
      </button>
    }
  `,
  styles: `
    :host {
      display: flex;
      justify-content: center;
      margin-top: 16px;
    }
    mat-spinner {
      display: inline-block;
      margin-right: 8px;
      vertical-align: middle;
    }
  `,
})
export class LoadMoreComponent {
  readonly hasMore = input(false);
  readonly loading = input(false);
  readonly label = input('Load more');
  readonly more = output<void>();
}
