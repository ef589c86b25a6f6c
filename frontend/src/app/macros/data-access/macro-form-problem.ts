import type { ApiProblem } from '../../core/api/problem';
import { type FormProblem, toFormProblem } from '../../core/forms/form-problem';

export type MacroFormControl = 'name' | 'description' | 'availableFor' | 'actions';
export const MACRO_FORM_CONTROLS: readonly MacroFormControl[] = ['name', 'description', 'availableFor', 'actions'];

/** The server's message about one action row (`actions.2.value` → row 2, `value`). */
export interface ActionRowErrors {
  readonly type?: string;
  readonly value?: string;
}

export interface MacroFormProblem extends FormProblem<MacroFormControl> {
  /** Per action row, by index. */
  readonly actionErrors: Readonly<Record<number, ActionRowErrors>>;
}

const ACTION_FIELD = /^actions\.(\d+)(?:\.(type|value))?$/;

/**
 * Splits a failed save into messages for the macro's own fields, messages for each action row
 * (the server names them `actions.<index>.type|value`), and one general message.
 */
export function toMacroFormProblem(problem: ApiProblem): MacroFormProblem {
  const actionErrors: Record<number, { type?: string; value?: string }> = {};
  const rest: Record<string, readonly string[]> = {};
  for (const [field, messages] of Object.entries(problem.fieldErrors)) {
    const match = ACTION_FIELD.exec(field);
    if (match) {
      const row = (actionErrors[Number(match[1])] ??= {});
      const part = (match[2] ?? 'value') as 'type' | 'value';
      row[part] = [row[part], ...messages].filter(Boolean).join(' ');
    } else {
      rest[field] = messages;
    }
  }
  const base = toFormProblem({ ...problem, fieldErrors: rest }, MACRO_FORM_CONTROLS);
  const onlyRows = Object.keys(actionErrors).length > 0 && Object.keys(rest).length === 0 && problem.status === 400;
  return { ...base, message: onlyRows ? null : base.message, actionErrors };
}
