import { DomainError } from '../../../platform/errors/domain-error';

export class EmailTakenError extends DomainError {
  readonly code = 'EMAIL_TAKEN';
  readonly status = 409;
  constructor() {
    super('An account with this email already exists', 'email');
  }
}

export class UsernameTakenError extends DomainError {
  readonly code = 'USERNAME_TAKEN';
  readonly status = 409;
  constructor() {
    super('This username is taken', 'username');
  }
}

export class InvalidCredentialsError extends DomainError {
  readonly code = 'INVALID_CREDENTIALS';
  readonly status = 401;
  constructor() {
    super('Wrong email or password');
  }
}

export class NotAuthenticatedError extends DomainError {
  readonly code = 'UNAUTHENTICATED';
  readonly status = 401;
  constructor() {
    super('Log in or send an API token to use this endpoint');
  }
}

export class CsrfTokenError extends DomainError {
  readonly code = 'CSRF_TOKEN_INVALID';
  readonly status = 403;
  constructor() {
    super("The X-XSRF-TOKEN header is missing, does not match the XSRF-TOKEN cookie, or is not this session's token");
  }
}

export class SessionRequiredError extends DomainError {
  readonly code = 'SESSION_REQUIRED';
  readonly status = 403;
  constructor() {
    super('This operation needs a logged-in session; an API token cannot perform it');
  }
}

export class TooManyLoginAttemptsError extends DomainError {
  readonly code = 'TOO_MANY_LOGIN_ATTEMPTS';
  readonly status = 429;
  constructor(readonly retryAfterSeconds: number) {
    super(`Too many failed login attempts. Try again in ${retryAfterSeconds} seconds.`);
  }
}

/** Every password-hashing slot is busy and the waiting line is full: shed before anything is written. */
export class PasswordHashingBusyError extends DomainError {
  readonly code = 'SERVICE_UNAVAILABLE';
  readonly status = 503;
  readonly retryAfterSeconds = 2;
  constructor() {
    super('The server is busy; try again shortly.');
  }
}
