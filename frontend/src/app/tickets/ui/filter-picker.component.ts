import { ChangeDetectionStrategy, Component, effect, input, output, untracked } from '@angular/core';
import { FormControl, ReactiveFormsModule } from '@angular/forms';
import { MatAutocompleteModule } from '@angular/material/autocomplete';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import type { PickerOption } from '../../shared/pickers/picker-options';

/**
 * One "by whom" filter of the tickets list (customer, assignee): an autocomplete searched by the
 * host, showing the option picked (`value`), with a clear button. Reports a pick or `null`.
 */
@Component({
  selector: 'bw-filter-picker',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ReactiveFormsModule, MatAutocompleteModule, MatButtonModule, MatFormFieldModule, MatInputModule],
  template: `
    <mat-form-field appearance="outline" subscriptSizing="dynamic" class="field">
      <mat-label>{{ label() }}</mat-label>
      <input
        matInput
        autocomplete="off"
        [formControl]="control"
        [matAutocomplete]="auto"
        (input)="queryChange.emit($any($event.target).value)"
        (focus)="queryChange.emit('')"
      />
      <mat-autocomplete
        #auto="matAutocomplete"
        [displayWith]="display"
        (optionSelected)="picked.emit($event.option.value)"
      >
        @for (option of options(); track option.id) {
          <mat-option [value]="option">{{ option.label }}</mat-option>
        } @empty {
          <mat-option disabled>{{ loading() ? 'Searching…' : 'No match' }}</mat-option>
        }
      </mat-autocomplete>
      @if (value()) {
        <button
          matIconButton
          matSuffix
          type="button"
          [attr.aria-label]="'Clear ' + label().toLowerCase()"
          (click)="picked.emit(null)"
        >
          <span aria-hidden="true">✕</span>
        </button>
      }
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
export class FilterPickerComponent {
  readonly label = input.required<string>();
  readonly value = input<PickerOption | null>(null);
  readonly options = input<readonly PickerOption[]>([]);
  readonly loading = input(false);

  readonly queryChange = output<string>();
  readonly picked = output<PickerOption | null>();

  protected readonly control = new FormControl<PickerOption | string | null>(null);
  protected readonly display = (value: PickerOption | string | null): string =>
    typeof value === 'string' ? value : (value?.label ?? '');

  constructor() {
    effect(() => {
      const value = this.value();
      untracked(() => this.control.setValue(value, { emitEvent: false }));
    });
  }
}
