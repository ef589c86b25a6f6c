/**
 * Base class of every domain error. Each subclass carries a stable machine code, the HTTP status
 * the contract gives it, and optionally the request field it is about. The global filter turns
 * them into problem+json; controllers never build HttpExceptions for domain cases.
 */
export abstract class DomainError extends Error {
  abstract readonly code: string;
  abstract readonly status: number;
  readonly field?: string;

  constructor(message: string, field?: string) {
    super(message);
    this.name = new.target.name;
    this.field = field;
  }
}

/**
 * The base of a domain error with a fixed code and status, and by default a fixed message and
 * field, so that a plain error is one declaration:
 * `export class EmailTakenError extends domainError('EMAIL_TAKEN', 409, 'An account …', 'email') {}`.
 * A subclass still names itself (`name`, `instanceof`); one whose message depends on its
 * arguments passes it to `super(message, field)`.
 */
export function domainError<C extends string>(code: C, status: number, message?: string, field?: string) {
  return class extends DomainError {
    readonly code: C = code;
    readonly status: number = status;
    constructor(detail: string | undefined = message, onField: string | undefined = field) {
      super(detail ?? code, onField);
    }
  };
}

/** The resource does not exist or the caller may not see it (the same answer, by design). */
export class ResourceNotFoundError extends domainError('NOT_FOUND', 404) {
  constructor(resource: string) {
    super(`${resource} not found`);
  }
}

/** The caller may see the resource but not change it this way. */
export class ForbiddenActionError extends domainError('FORBIDDEN', 403) {
  constructor(message: string, field?: string) {
    super(message, field);
  }
}

/** The client's `version` is older than the stored one. */
export class StaleVersionError extends domainError('STALE_VERSION', 409) {
  constructor(resource: string) {
    super(`${resource} was changed by someone else; reload it and try again`, 'version');
  }
}

/** A rule about one request field, checked by the domain rather than by the DTO. */
export class InvalidFieldError extends domainError('VALIDATION_FAILED', 400) {
  constructor(field: string, message: string) {
    super(message, field);
  }
}
