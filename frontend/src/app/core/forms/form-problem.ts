import type { ApiProblem } from '../api/problem';
import { problemMessage } from '../api/problem-message';

/** What a form shows after a failed submit: messages next to its fields, and one for the rest. */
export interface FormProblem<F extends string> {
  readonly fieldErrors: Partial<Readonly<Record<F, string>>>;
  readonly message: string | null;
  /** 409: the record changed since the form was filled (the form offers a reload). */
  readonly conflict: boolean;
}

/**
 * Splits a failed request into per-field messages (for the fields the form has; `fieldMap`
 * renames request-body fields to control names, e.g. `customerId` → `customer`) and one
 * general message for everything else.
 */
export function toFormProblem<F extends string>(
  problem: ApiProblem,
  fields: readonly F[],
  fieldMap: Readonly<Record<string, F>> = {},
): FormProblem<F> {
  const fieldErrors: Partial<Record<F, string>> = {};
  const otherErrors: string[] = [];
  for (const [bodyField, messages] of Object.entries(problem.fieldErrors)) {
    const field = fieldMap[bodyField] ?? bodyField;
    if ((fields as readonly string[]).includes(field)) {
      const control = field as F;
      fieldErrors[control] = [fieldErrors[control], ...messages].filter(Boolean).join(' ');
    } else {
      otherErrors.push(...messages);
    }
  }
  const conflict = problem.status === 409;

  let message: string | null;
  if (conflict) {
    message = 'Someone else changed this while you were editing. Reload to see their changes, then make yours again.';
  } else if (otherErrors.length > 0) {
    message = otherErrors.join(' ');
  } else if (Object.keys(fieldErrors).length > 0 && problem.status === 400) {
    message = null;
  } else {
    message = problemMessage(problem);
  }
  return { fieldErrors, message, conflict };
}
