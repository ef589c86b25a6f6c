import { ChangeDetectionStrategy, Component, input } from '@angular/core';

/** A framed "nothing here yet" message with optional actions projected below it. */
@Component({
  selector: 'bw-empty-state',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <svg viewBox="0 0 48 48" aria-hidden="true" focusable="false">
      <rect x="6" y="10" width="36" height="28" rx="4" />
      <path d="M6 20h36M14 28h12" />
    </svg>
    <h2>{{ heading() }}</h2>
    @if (text()) {
      <p>{{ text() }}</p>
    }
    <div class="actions"><ng-content /></div>
  `,
  styles: `
    :host {
      display: flex;
      flex-direction: column;
      align-items: center;
      padding: 48px 24px;
      border: 1px dashed var(--mat-sys-outline-variant);
      border-radius: var(--mat-sys-corner-large);
      background: var(--mat-sys-surface);
      text-align: center;
    }
    svg {
      width: 48px;
      height: 48px;
      margin-bottom: 12px;
      fill: none;
      stroke: var(--mat-sys-primary);
      stroke-width: 2.5;
      stroke-linecap: round;
    }
    h2 {
      margin: 0 0 8px;
      font: var(--mat-sys-title-large);
    }
    p {
      margin: 0;
      max-width: 52ch;
      color: var(--mat-sys-on-surface-variant);
    }
    .actions:not(:empty) {
      margin-top: 20px;
      display: flex;
      gap: 8px;
    }
  `,
})
export class EmptyStateComponent {
  readonly heading = input.required<string>();
  readonly text = input<string>();
}
