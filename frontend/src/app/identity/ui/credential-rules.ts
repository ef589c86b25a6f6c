/**
 * Client-side mirror of the identity rules in the API contract. The server stays the
 * authority: these only save a round trip, and server errors are always shown as well.
 */
export const USERNAME_MIN_LENGTH = 3;
export const USERNAME_MAX_LENGTH = 30;
export const USERNAME_PATTERN = /^[A-Za-z0-9_.-]+$/;
export const PASSWORD_MIN_LENGTH = 8;
export const PASSWORD_MAX_LENGTH = 128;
export const EMAIL_MAX_LENGTH = 254;

export type CredentialField = 'email' | 'username' | 'password';

/** What a form shows after a failed submit: messages next to fields, and one for the rest. */
export interface FormProblem<F extends string = CredentialField> {
  readonly fieldErrors: Partial<Readonly<Record<F, string>>>;
  readonly message: string | null;
}

const LABELS: Readonly<Record<CredentialField, string>> = {
  email: 'email address',
  username: 'username',
  password: 'password',
};

/**
 * The message under a field for its current validation errors (Angular's `ValidationErrors`
 * shape). A server message (`server`) wins over client-side checks.
 */
export function credentialErrorMessage(
  field: CredentialField,
  errors: Readonly<Record<string, unknown>> | null | undefined,
): string | null {
  if (!errors) {
    return null;
  }
  const server = errors['server'];
  if (typeof server === 'string' && server !== '') {
    return server;
  }
  if (errors['required']) {
    return `Enter your ${LABELS[field]}`;
  }
  if (errors['email']) {
    return 'Enter a valid email address, like name@example.com';
  }
  const minLength = errors['minlength'] as { requiredLength?: number } | undefined;
  if (minLength) {
    return field === 'password'
      ? `Use at least ${minLength.requiredLength ?? PASSWORD_MIN_LENGTH} characters`
      : `Use at least ${minLength.requiredLength ?? USERNAME_MIN_LENGTH} characters`;
  }
  const maxLength = errors['maxlength'] as { requiredLength?: number } | undefined;
  if (maxLength) {
    return `Use at most ${maxLength.requiredLength ?? ''} characters`.trimEnd();
  }
  if (errors['pattern']) {
    return field === 'username' ? 'Use only letters, digits, and _ . -' : `This ${LABELS[field]} is not valid`;
  }
  return `This ${LABELS[field]} is not valid`;
}
