import { ChangeDetectionStrategy, Component, input } from '@angular/core';

/**
 * A routed page's heading row (`<header bwPageHeader heading="…" subheading="…">`): the title
 * and subtitle on the left, the projected actions (a button, or a `.bw-actions` group) on the right.
 */
@Component({
  selector: 'header[bwPageHeader]',
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { class: 'bw-page-head' },
  template: `
    <div>
      <h1>{{ heading() }}</h1>
      @if (subheading()) {
        <p class="bw-sub">{{ subheading() }}</p>
      }
    </div>
    <ng-content />
  `,
})
export class PageHeaderComponent {
  readonly heading = input.required<string>();
  readonly subheading = input<string>();
}
