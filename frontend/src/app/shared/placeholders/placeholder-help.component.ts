import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { type Placeholder, placeholderToken } from '@bw/shared';

/**
 * The placeholders a template may use, each a button that inserts it at the cursor of the
 * text box the host owns. The buttons do not take focus, so the text box keeps its selection.
 */
@Component({
  selector: 'bw-placeholder-help',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButtonModule],
  host: { role: 'group', '[attr.aria-label]': 'label()' },
  template: `
    <span class="title" aria-hidden="true">{{ label() }}:</span>
    @for (p of placeholders(); track p.name) {
      <button
        type="button"
        class="token"
        [title]="p.description"
        [attr.aria-label]="'Insert ' + token(p.name) + ' — ' + p.description"
        [disabled]="disabled()"
        (mousedown)="$event.preventDefault()"
        (click)="insert.emit(p.name)"
      >
        {{ token(p.name) }}
      </button>
    }
  `,
  styles: `
    :host {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 6px;
      margin: 2px 0 8px;
    }
    .title {
      font: var(--mat-sys-label-medium);
      color: var(--mat-sys-on-surface-variant);
      margin-right: 2px;
    }
    .token {
      padding: 3px 8px;
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: 12px;
      background: var(--mat-sys-surface-container);
      color: var(--mat-sys-on-surface);
      font: var(--mat-sys-label-medium);
      font-family: ui-monospace, 'SFMono-Regular', Menlo, Consolas, monospace;
      cursor: pointer;
    }
    .token:hover:not(:disabled),
    .token:focus-visible {
      border-color: var(--mat-sys-primary);
      color: var(--mat-sys-primary);
      outline: none;
    }
    .token:disabled {
      opacity: 0.5;
      cursor: default;
    }
  `,
})
export class PlaceholderHelpComponent {
  readonly placeholders = input.required<readonly Placeholder[]>();
  readonly label = input('Insert placeholder');
  readonly disabled = input(false);
  /** The placeholder's name (without braces) to insert. */
  readonly insert = output<string>();

  protected readonly token = placeholderToken;
}
