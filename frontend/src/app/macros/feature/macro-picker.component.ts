import { ChangeDetectionStrategy, Component, DestroyRef, effect, inject, input, model, untracked } from '@angular/core';
import { FormControl, ReactiveFormsModule } from '@angular/forms';
import { MatAutocompleteModule } from '@angular/material/autocomplete';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import type { PickerOption } from '../../shared/pickers/picker-options';
import { createMacroSearch, macroOption } from '../data-access/macro-search';

/**
 * Chooses one macro (the caller's own or one shared with everyone), searched on the server as
 * the user types. Two-way bound to the macro's id: `[(macroId)]="chosen"`; `null` when none.
 *
 *     <bw-macro-picker [(macroId)]="macroId" hint="Optional: applied when the ticket is created" />
 */
@Component({
  selector: 'bw-macro-picker',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ReactiveFormsModule, MatFormFieldModule, MatInputModule, MatAutocompleteModule, MatButtonModule],
  template: `
    <mat-form-field appearance="outline" class="field">
      <mat-label>{{ label() }}</mat-label>
      <input
        matInput
        [formControl]="control"
        autocomplete="off"
        [matAutocomplete]="auto"
        (input)="typed($event)"
        data-testid="macro-picker-input"
      />
      <mat-autocomplete #auto="matAutocomplete" [displayWith]="display" requireSelection>
        @for (option of macros.options(); track option.id) {
          <mat-option [value]="option">
            <span class="option-label">{{ option.label }}</span>
            @if (option.hint) {
              <span class="option-hint">{{ option.hint }}</span>
            }
          </mat-option>
        } @empty {
          <mat-option disabled>{{
            macros.loading() ? 'Searching…' : macros.error() ? 'Couldn’t load macros' : 'No macros match'
          }}</mat-option>
        }
      </mat-autocomplete>
      @if (macroId()) {
        <button
          matIconButton
          matSuffix
          type="button"
          [attr.aria-label]="'Clear ' + label().toLowerCase()"
          [disabled]="disabled()"
          (click)="clear()"
        >
          <span aria-hidden="true">✕</span>
        </button>
      }
      @if (hint()) {
        <mat-hint>{{ hint() }}</mat-hint>
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
    .option-label {
      display: block;
    }
    .option-hint {
      display: block;
      font: var(--mat-sys-body-small);
      color: var(--mat-sys-on-surface-variant);
      overflow: hidden;
      text-overflow: ellipsis;
      white-space: nowrap;
    }
  `,
})
export class MacroPickerComponent {
  /** The chosen macro's id; `null` for none. */
  readonly macroId = model<string | null>(null);
  readonly label = input('Macro');
  readonly hint = input<string | null>('Type to search your macros and the shared ones');
  readonly disabled = input(false);

  protected readonly macros = createMacroSearch();
  protected readonly control = new FormControl<PickerOption | string | null>(null);
  protected readonly display = (value: PickerOption | string | null): string =>
    typeof value === 'string' ? value : (value?.label ?? '');

  constructor() {
    inject(DestroyRef).onDestroy(() => this.macros.dispose());
    void this.macros.now();
    this.control.valueChanges.subscribe((value) => {
      const id = value !== null && typeof value === 'object' ? value.id : null;
      if (id !== this.macroId()) {
        this.macroId.set(id);
      }
    });
    effect(() => {
      const id = this.macroId();
      untracked(() => void this.show(id));
    });
    effect(() => {
      const disabled = this.disabled();
      untracked(() =>
        disabled ? this.control.disable({ emitEvent: false }) : this.control.enable({ emitEvent: false }),
      );
    });
  }

  protected typed(event: Event): void {
    this.macros.search((event.target as HTMLInputElement).value);
  }

  protected clear(): void {
    this.control.setValue(null);
    this.macros.search('');
  }

  /** Shows the macro `id` set from outside (looked up by id when it is not among the options). */
  private async show(id: string | null): Promise<void> {
    const current = this.control.value;
    const currentId = current !== null && typeof current === 'object' ? current.id : null;
    if (id === currentId) return;
    if (id === null) {
      this.control.setValue(null, { emitEvent: false });
      return;
    }
    const known = this.macros.options().find((option) => option.id === id);
    if (known) {
      this.control.setValue(known, { emitEvent: false });
      return;
    }
    const option = await macroOption(id);
    if (option && this.macroId() === id) {
      this.control.setValue(option, { emitEvent: false });
    }
  }
}
