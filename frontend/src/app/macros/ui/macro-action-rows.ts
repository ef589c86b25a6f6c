import {
  type AbstractControl,
  type FormArray,
  type FormControl,
  type FormGroup,
  type NonNullableFormBuilder,
  type ValidationErrors,
  Validators,
} from '@angular/forms';
import { controlMessage } from '../../core/forms/control-message';
import { pickedOptionValidator } from '../../core/forms/validators';
import type { PickerOption } from '../../shared/pickers/picker-options';
import { MACRO_PLACEHOLDERS, placeholderToken, unknownPlaceholders } from '@bw/shared';
import {
  ACTION_CHOICES,
  type MacroAction,
  type MacroActionDraft,
  type MacroActionType,
} from '../data-access/macro.model';
import { LIMITS } from '../../core/api/limits';

// The macro form's action rows: one form group per action, its validators, its messages, and
// the action it stands for.

export type ActionRow = FormGroup<{
  type: FormControl<MacroActionType>;
  value: FormControl<string>;
  user: FormControl<PickerOption | string | null>;
}>;

const VALUE_LABELS: Readonly<Record<MacroActionType, string>> = {
  set_status: 'Status',
  set_priority: 'Priority',
  set_type: 'Type',
  set_topic: 'Topic',
  set_assignee: 'Assignee',
  add_comment: 'Comment',
};

function rowType(control: AbstractControl): MacroActionType | null {
  return (control.parent?.get('type')?.value as MacroActionType | undefined) ?? null;
}

/** The value of an enum or comment action: required, one of the choices / a valid template. */
function actionValueValidator(control: AbstractControl): ValidationErrors | null {
  const type = rowType(control);
  if (type === null || type === 'set_assignee') return null;
  const value = String(control.value ?? '');
  if (value.trim() === '') return { required: true };
  if (type === 'add_comment') {
    if (value.length > LIMITS.macro.comment)
      return { maxlength: { requiredLength: LIMITS.macro.comment, actualLength: value.length } };
    const unknown = unknownPlaceholders(value, MACRO_PLACEHOLDERS);
    return unknown.length > 0 ? { placeholders: unknown } : null;
  }
  return ACTION_CHOICES[type]?.some((choice) => choice.value === value) ? null : { required: true };
}

/** The user of an "Assign to" action: required, and picked from the list. */
function actionUserValidator(control: AbstractControl): ValidationErrors | null {
  if (rowType(control) !== 'set_assignee') return null;
  return Validators.required(control) ?? pickedOptionValidator(control);
}

export function atLeastOneAction(control: AbstractControl): ValidationErrors | null {
  return (control as FormArray).length > 0 ? null : { required: true };
}

export const actionValueLabel = (type: MacroActionType): string => VALUE_LABELS[type];

/** A row for `draft`; its value and user are validated again when its type changes. */
export function createActionRow(fb: NonNullableFormBuilder, draft: MacroActionDraft): ActionRow {
  const row = fb.group({
    type: fb.control<MacroActionType>(draft.type, Validators.required),
    value: fb.control(draft.value, actionValueValidator),
    user: fb.control<PickerOption | string | null>(draft.user, actionUserValidator),
  });
  row.controls.type.valueChanges.subscribe(() => {
    row.controls.value.updateValueAndValidity();
    row.controls.user.updateValueAndValidity();
  });
  row.controls.value.updateValueAndValidity();
  row.controls.user.updateValueAndValidity();
  return row;
}

/** The message under a row's value control, or `null` while it is fine. */
export function actionValueError(row: ActionRow): string | null {
  const errors = row.controls.value.errors;
  if (!errors) return null;
  if (typeof errors['server'] === 'string') return errors['server'];
  const type = row.controls.type.value;
  if (errors['placeholders']) {
    const unknown = (errors['placeholders'] as string[]).map(placeholderToken).join(', ');
    return `Unknown placeholder ${unknown}. Use the placeholders listed below.`;
  }
  if (errors['required'])
    return type === 'add_comment' ? 'Enter the comment text' : `Choose a ${VALUE_LABELS[type].toLowerCase()}`;
  return controlMessage('comment', errors);
}

/** The action a (valid) row stands for: a comment as typed, other values trimmed, the user's id. */
export function rowToAction(row: ActionRow): MacroAction {
  const type = row.controls.type.value;
  const user = row.controls.user.value;
  if (type === 'set_assignee') return { type, value: user !== null && typeof user === 'object' ? user.id : '' };
  // The row's validators hold the value to its type's choices (or a comment), which the union spells out.
  return {
    type,
    value: type === 'add_comment' ? row.controls.value.value : row.controls.value.value.trim(),
  } as MacroAction;
}
