import { ChangeDetectionStrategy, Component, ElementRef, inject, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatRadioModule } from '@angular/material/radio';
import { MatSelectModule } from '@angular/material/select';
import { controlMessage } from '../../core/forms/control-message';
import { applyServerErrors } from '../../core/forms/field-errors';
import { UserPickingForm } from '../../shared/dialogs/user-picking-form';
import { UserPickerComponent } from '../../shared/pickers/user-picker.component';
import { insertPlaceholderInto } from '../../shared/placeholders/insert-placeholder';
import { PlaceholderHelpComponent } from '../../shared/placeholders/placeholder-help.component';
import { MACRO_PLACEHOLDERS } from '@bw/shared';
import { FormProblemComponent } from '../../shared/dialogs/form-problem.component';
import { MACRO_FORM_CONTROLS, type MacroFormControl, type MacroFormProblem } from '../data-access/macro-form-problem';
import {
  ACTION_CHOICES,
  actionTypeLabel,
  availabilityLabel,
  MACRO_ACTION_TYPES,
  MACRO_AVAILABILITIES,
  type MacroAvailability,
  type MacroFormInitial,
  type MacroFormValue,
} from '../data-access/macro.model';
import {
  type ActionRow,
  actionValueError,
  actionValueLabel,
  atLeastOneAction,
  createActionRow,
  rowToAction,
} from './macro-action-rows';
import { LIMITS } from '../../core/api/limits';

/**
 * The macro form: name, description, who may use it, and its actions — added, removed and
 * reordered, each with a value control that suits its type. Presentational: the host saves
 * and supplies the user options for "Assign to".
 */
@Component({
  selector: 'bw-macro-form',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    MatRadioModule,
    MatButtonModule,
    FormProblemComponent,
    PlaceholderHelpComponent,
    UserPickerComponent,
  ],
  templateUrl: './macro-form.component.html',
  styleUrl: './macro-form.component.scss',
})
export class MacroFormComponent extends UserPickingForm<MacroFormInitial, MacroFormValue, MacroFormProblem> {
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly fb = inject(NonNullableFormBuilder);

  protected readonly form = this.fb.group({
    name: ['', [Validators.required, Validators.maxLength(LIMITS.macro.name)]],
    description: ['', [Validators.maxLength(LIMITS.macro.description)]],
    availableFor: this.fb.control<MacroAvailability>('personal'),
    actions: this.fb.array<ActionRow>([], atLeastOneAction),
  });

  protected readonly actionTypes = MACRO_ACTION_TYPES;
  protected readonly availabilities = MACRO_AVAILABILITIES;
  protected readonly choices = ACTION_CHOICES;
  protected readonly placeholders = MACRO_PLACEHOLDERS;
  protected readonly limits = LIMITS.macro;
  protected readonly typeLabel = actionTypeLabel;
  protected readonly availabilityLabel = availabilityLabel;
  protected readonly valueLabel = actionValueLabel;
  /** Read out after a row moves or goes, for screen readers. */
  protected readonly announcement = signal('');

  protected get rows(): ActionRow[] {
    return this.form.controls.actions.controls;
  }

  protected errorFor(control: MacroFormControl): string | null {
    if (control === 'actions') {
      const errors = this.form.controls.actions.errors;
      return errors?.['server'] ? String(errors['server']) : errors?.['required'] ? 'Add at least one action' : null;
    }
    return controlMessage(control, this.form.controls[control].errors);
  }

  protected valueError(row: ActionRow): string | null {
    return actionValueError(row);
  }

  protected userError(row: ActionRow): string | null {
    return controlMessage('user', row.controls.user.errors, true);
  }

  protected typeError(row: ActionRow): string | null {
    return controlMessage('action', row.controls.type.errors, true);
  }

  protected addAction(): void {
    if (this.rows.length >= LIMITS.macro.actions) return;
    this.form.controls.actions.push(createActionRow(this.fb, { type: 'add_comment', value: '', user: null }));
    this.form.controls.actions.markAsDirty();
    const index = this.rows.length - 1;
    this.announcement.set(`Action ${index + 1} added`);
    queueMicrotask(() => this.focus(`actions.${index}.type`));
  }

  protected removeAction(index: number): void {
    this.form.controls.actions.removeAt(index);
    this.form.controls.actions.markAsDirty();
    this.announcement.set(`Action ${index + 1} removed`);
  }

  protected moveAction(index: number, delta: -1 | 1): void {
    const target = index + delta;
    const actions = this.form.controls.actions;
    if (target < 0 || target >= actions.length) return;
    const row = actions.at(index);
    actions.removeAt(index, { emitEvent: false });
    actions.insert(target, row);
    actions.markAsDirty();
    this.announcement.set(`Action moved to position ${target + 1} of ${actions.length}`);
  }

  /** A new type needs a new value: the old one would not fit it. */
  protected typeChanged(row: ActionRow): void {
    row.controls.value.setValue('');
    row.controls.user.setValue(null);
    row.controls.value.markAsUntouched();
    row.controls.user.markAsUntouched();
  }

  protected insertPlaceholder(row: ActionRow, box: HTMLTextAreaElement, name: string): void {
    insertPlaceholderInto(row.controls.value, box, name);
  }

  protected searchUsers(text: string): void {
    this.userSearch.emit(text);
  }

  protected submit(): void {
    if (this.pending()) {
      return;
    }
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      this.focusFirstInvalid();
      return;
    }
    const v = this.form.getRawValue();
    const actions = this.rows.map(rowToAction);
    this.submitted.emit({
      name: v.name.trim(),
      description: v.description.trim(),
      availableFor: v.availableFor,
      actions,
    });
  }

  protected reset(initial: MacroFormInitial): void {
    const actions = this.form.controls.actions;
    actions.clear({ emitEvent: false });
    for (const draft of initial.actions) {
      actions.push(createActionRow(this.fb, draft), { emitEvent: false });
    }
    this.form.controls.name.reset(initial.name);
    this.form.controls.description.reset(initial.description);
    this.form.controls.availableFor.reset(initial.availableFor);
    actions.markAsPristine();
    actions.markAsUntouched();
    actions.updateValueAndValidity();
  }

  protected showProblem(problem: MacroFormProblem): void {
    const { actions: actionsError, ...fieldErrors } = problem.fieldErrors;
    let first = applyServerErrors(this.form, fieldErrors);
    if (actionsError) {
      this.form.controls.actions.setErrors({ ...(this.form.controls.actions.errors ?? {}), server: actionsError });
    }
    for (const [key, errors] of Object.entries(problem.actionErrors)) {
      const index = Number(key);
      const row = this.rows[index];
      if (!row) continue;
      if (errors.type) {
        row.controls.type.setErrors({ server: errors.type });
        row.controls.type.markAsTouched();
        first ??= `actions.${index}.type`;
      }
      if (errors.value) {
        const control = row.controls.type.value === 'set_assignee' ? row.controls.user : row.controls.value;
        control.setErrors({ server: errors.value });
        control.markAsTouched();
        first ??= `actions.${index}.value`;
      }
    }
    if (first) {
      this.focus(first);
    }
  }

  private focusFirstInvalid(): void {
    const first = MACRO_FORM_CONTROLS.find((name) => name !== 'actions' && this.form.controls[name].invalid);
    if (first) {
      this.focus(first);
      return;
    }
    const index = this.rows.findIndex((row) => row.invalid);
    if (index >= 0) {
      const row = this.rows[index];
      this.focus(`actions.${index}.${row.controls.type.invalid ? 'type' : 'value'}`);
    }
  }

  private focus(path: string): void {
    const root = this.host.nativeElement;
    const target =
      root.querySelector<HTMLElement>(`[data-control="${path}"]`) ??
      root.querySelector<HTMLElement>(`[formcontrolname="${path}"]`);
    target?.focus();
  }
}
