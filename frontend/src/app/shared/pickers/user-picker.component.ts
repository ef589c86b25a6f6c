import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { type FormControl, ReactiveFormsModule } from '@angular/forms';
import { MatAutocompleteModule } from '@angular/material/autocomplete';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import type { PickerOption } from './picker-options';

/**
 * An autocomplete for choosing one user, bound to a form control that holds the picked option
 * (or the text being typed). Presentational: the host searches and supplies the options.
 */
@Component({
  selector: 'bw-user-picker',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ReactiveFormsModule, MatFormFieldModule, MatInputModule, MatAutocompleteModule],
  template: `
    <mat-form-field appearance="outline" class="field">
      <mat-label>{{ label() }}</mat-label>
      <input
        matInput
        [formControl]="control()"
        autocomplete="off"
        aria-required="true"
        [attr.data-control]="controlPath()"
        [matAutocomplete]="auto"
        (input)="typed($event)"
      />
      <mat-autocomplete #auto="matAutocomplete" [displayWith]="display" requireSelection>
        @for (option of options(); track option.id) {
          <mat-option [value]="option">{{ option.label }}</mat-option>
        } @empty {
          <mat-option disabled>{{ loading() ? 'Searching…' : 'No users match' }}</mat-option>
        }
      </mat-autocomplete>
      @if (hint()) {
        <mat-hint>{{ hint() }}</mat-hint>
      }
      <mat-error>{{ error() }}</mat-error>
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
export class UserPickerComponent {
  readonly control = input.required<FormControl<PickerOption | string | null>>();
  readonly label = input('User');
  readonly hint = input<string | null>('Type a username, or pick “Me”');
  readonly options = input<readonly PickerOption[]>([]);
  readonly loading = input(false);
  /** The message under the field while the control is invalid. */
  readonly error = input<string | null>(null);
  /** Marks the input for the host's "focus the first bad field". */
  readonly controlPath = input<string | null>(null);

  /** The text typed, to search the server with. */
  readonly queryChange = output<string>();

  protected readonly display = (value: PickerOption | string | null): string =>
    typeof value === 'string' ? value : (value?.label ?? '');

  protected typed(event: Event): void {
    this.queryChange.emit((event.target as HTMLInputElement).value);
  }
}
