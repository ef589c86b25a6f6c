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

/** The resource does not exist or the caller may not see it (the same answer, by design). */
export class ResourceNotFoundError extends DomainError {
  readonly code = 'NOT_FOUND';
  readonly status = 404;
  constructor(resource: string) {
    super(`${resource} not found`);
  }
}

/** The caller may see the resource but not change it this way. */
export class ForbiddenActionError extends DomainError {
  readonly code = 'FORBIDDEN';
  readonly status = 403;
}

/** The client's `version` is older than the stored one. */
export class StaleVersionError extends DomainError {
  readonly code = 'STALE_VERSION';
  readonly status = 409;
  constructor(resource: string) {
    super(`${resource} was changed by someone else; reload it and try again`, 'version');
  }
}

/** A rule about one request field, checked by the domain rather than by the DTO. */
export class InvalidFieldError extends DomainError {
  readonly code = 'VALIDATION_FAILED';
  readonly status = 400;
  constructor(field: string, message: string) {
    super(message, field);
  }
}
