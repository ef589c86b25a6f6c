import type { FormGroup, FormGroupDirective } from '@angular/forms';
import type { FormProblem } from './credential-rules';

/**
 * After a failed submit: keep what the user typed except the secret fields, show each
 * server error on its control (cleared again by the control's own validators as soon as the
 * user edits it), and return the name of the control that should get focus.
 */
export function showServerErrors<F extends string>(
  directive: FormGroupDirective,
  form: FormGroup,
  problem: FormProblem<F>,
  secretFields: readonly F[],
): string | null {
  const kept: Record<string, unknown> = { ...form.getRawValue() };
  for (const field of secretFields) {
    kept[field] = '';
  }
  // resetForm also clears the "submitted" flag, so the emptied secret field is not flagged as missing.
  directive.resetForm(kept);

  let firstInvalid: string | null = null;
  for (const [field, message] of Object.entries(problem.fieldErrors)) {
    const control = form.get(field);
    if (!control || typeof message !== 'string') {
      continue;
    }
    control.setErrors({ server: message });
    control.markAsTouched();
    firstInvalid ??= field;
  }
  return firstInvalid ?? secretFields[0] ?? null;
}
