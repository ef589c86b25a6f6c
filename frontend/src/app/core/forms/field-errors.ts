import type { FormGroup } from '@angular/forms';

/**
 * Shows server messages on their controls (cleared by the control's own validators as soon as
 * the user edits it) and returns the first control that got one, for focus.
 */
export function applyServerErrors(
  form: FormGroup,
  fieldErrors: Readonly<Record<string, string | undefined>>,
): string | null {
  let first: string | null = null;
  for (const [field, message] of Object.entries(fieldErrors)) {
    const control = form.get(field);
    if (!control || !message) {
      continue;
    }
    control.setErrors({ ...(control.errors ?? {}), server: message });
    control.markAsTouched();
    first ??= field;
  }
  return first;
}
