import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  effect,
  inject,
  input,
  output,
  signal,
  untracked,
} from '@angular/core';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';

/**
 * A search box that reports what to search for once the user pauses typing (or presses
 * Enter). `value` seeds it, e.g. from the URL.
 */
@Component({
  selector: 'bw-search-field',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatFormFieldModule, MatInputModule],
  template: `
    <mat-form-field appearance="outline" subscriptSizing="dynamic" class="field">
      <mat-label>{{ label() }}</mat-label>
      <input
        matInput
        type="search"
        autocomplete="off"
        [placeholder]="placeholder()"
        [value]="text()"
        (input)="typed($any($event.target).value)"
        (keydown.enter)="flush()"
      />
    </mat-form-field>
  `,
  styles: `
    :host {
      display: block;
    }
    .field {
      width: 100%;
    }
  `,
})
export class SearchFieldComponent {
  readonly label = input('Search');
  readonly placeholder = input('');
  readonly value = input('');
  readonly debounceMs = input(300);

  /** The trimmed search text, after a pause in typing. */
  readonly queryChange = output<string>();

  protected readonly text = signal('');
  private timer: ReturnType<typeof setTimeout> | undefined;
  private lastEmitted: string | null = null;

  constructor() {
    effect(() => {
      const value = this.value();
      untracked(() => {
        this.lastEmitted = value.trim();
        if (this.text().trim() !== value.trim()) {
          this.text.set(value);
        }
      });
    });
    inject(DestroyRef).onDestroy(() => clearTimeout(this.timer));
  }

  protected typed(value: string): void {
    this.text.set(value);
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.flush(), this.debounceMs());
  }

  protected flush(): void {
    clearTimeout(this.timer);
    const query = this.text().trim();
    if (query !== this.lastEmitted) {
      this.lastEmitted = query;
      this.queryChange.emit(query);
    }
  }
}
