import { domainError } from '../../../platform/errors/domain-error';

export class EmailTakenError extends domainError(
  'EMAIL_TAKEN',
  409,
  'An account with this email already exists',
  'email',
) {}

export class UsernameTakenError extends domainError('USERNAME_TAKEN', 409, 'This username is taken', 'username') {}

export class InvalidCredentialsError extends domainError('INVALID_CREDENTIALS', 401, 'Wrong email or password') {}

export class NotAuthenticatedError extends domainError(
  'UNAUTHENTICATED',
  401,
  'Log in or send an API token to use this endpoint',
) {}

export class CsrfTokenError extends domainError(
  'CSRF_TOKEN_INVALID',
  403,
  "The X-XSRF-TOKEN header is missing, does not match the XSRF-TOKEN cookie, or is not this session's token",
) {}

export class SessionRequiredError extends domainError(
  'SESSION_REQUIRED',
  403,
  'This operation needs a logged-in session; an API token cannot perform it',
) {}

export class TooManyLoginAttemptsError extends domainError('TOO_MANY_LOGIN_ATTEMPTS', 429) {
  constructor(readonly retryAfterSeconds: number) {
    super(`Too many failed login attempts. Try again in ${retryAfterSeconds} seconds.`);
  }
}

/** Every password-hashing slot is busy and the waiting line is full: shed before anything is written. */
export class PasswordHashingBusyError extends domainError(
  'SERVICE_UNAVAILABLE',
  503,
  'The server is busy; try again shortly.',
) {
  readonly retryAfterSeconds = 2;
}
