import type { FormGroup } from '@angular/forms';

/** A server message per field: one string, or the server's list of which the first is shown. */
export type ServerFieldErrors = Readonly<Record<string, string | readonly string[] | undefined>>;

/**
 * Shows server messages on their controls (cleared by the control's own validators as soon as
 * the user edits it) and returns the first control that got one, for focus; `null` when no
 * message belongs to a control of this form, so the caller shows the problem elsewhere.
 */
export function applyServerErrors(form: FormGroup, fieldErrors: ServerFieldErrors): string | null {
  let first: string | null = null;
  for (const [field, messages] of Object.entries(fieldErrors)) {
    const control = form.get(field);
    const message = typeof messages === 'string' ? messages : messages?.[0];
    if (!control || !message) {
      continue;
    }
    control.setErrors({ ...(control.errors ?? {}), server: message });
    control.markAsTouched();
    first ??= field;
  }
  return first;
}
