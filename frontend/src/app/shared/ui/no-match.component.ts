import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { EmptyStateComponent } from './empty-state.component';

/** The empty state of a search or filter that matched nothing, with a button that clears it. */
@Component({
  selector: 'bw-no-match',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButtonModule, EmptyStateComponent],
  template: `
    <bw-empty-state [heading]="heading()" [text]="text()">
      <button matButton="outlined" type="button" (click)="clearRequested.emit()">{{ clearLabel() }}</button>
    </bw-empty-state>
  `,
  styles: `
    :host {
      display: block;
    }
  `,
})
export class NoMatchComponent {
  readonly heading = input.required<string>();
  readonly text = input.required<string>();
  readonly clearLabel = input('Clear search');
  /** The user asked to clear the search or filters. */
  readonly clearRequested = output<void>();
}
