import type { AbstractControl, ValidationErrors } from '@angular/forms';

/** An optional http(s) URL, as the API accepts for `photoUrl`. Empty is fine. */
export function httpUrlValidator(control: Pick<AbstractControl, 'value'>): ValidationErrors | null {
  const value: unknown = control.value;
  if (typeof value !== 'string' || value.trim() === '') {
    return null;
  }
  try {
    const url = new URL(value.trim());
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '' ? null : { httpUrl: true };
  } catch {
    return { httpUrl: true };
  }
}

/**
 * For an autocomplete picker: the value must be one of the offered options (an object with
 * an `id`), not text the user typed and left. Empty is left to `Validators.required`.
 */
export function pickedOptionValidator(control: Pick<AbstractControl, 'value'>): ValidationErrors | null {
  const value: unknown = control.value;
  if (value === null || value === undefined || value === '') {
    return null;
  }
  return typeof value === 'object' && typeof (value as { id?: unknown }).id === 'string' ? null : { pick: true };
}
