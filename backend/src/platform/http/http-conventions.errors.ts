import { DomainError } from '../errors/domain-error';

/** The header every key error names. */
export const IDEMPOTENCY_KEY_HEADER = 'Idempotency-Key';

/** The `Idempotency-Key` header is empty, longer than 255 characters or not visible ASCII. */
export class InvalidIdempotencyKeyError extends DomainError {
  readonly code = 'VALIDATION_FAILED';
  readonly status = 400;
  constructor() {
    super('must be 1 to 255 visible ASCII characters', IDEMPOTENCY_KEY_HEADER);
  }
}

/** The caller used the key before for another request (another body or another operation). */
export class IdempotencyKeyReusedError extends DomainError {
  readonly code = 'IDEMPOTENCY_KEY_REUSED';
  readonly status = 422;
  constructor() {
    super(
      'This Idempotency-Key was used for a different request; use a new key for a new request.',
      IDEMPOTENCY_KEY_HEADER,
    );
  }
}

/** The first request with this key is still running (on this instance or another). */
export class IdempotentRequestInProgressError extends DomainError {
  readonly code = 'IDEMPOTENCY_KEY_IN_USE';
  readonly status = 409;
  readonly retryAfterSeconds = 1;
  constructor() {
    super(
      'A request with this Idempotency-Key is still running; retry shortly to get its answer.',
      IDEMPOTENCY_KEY_HEADER,
    );
  }
}

/**
 * The first request with this key started long ago and never recorded an answer: its instance
 * stopped while it ran. Whether it took effect is unknown, so it is not run again (ADR 0010).
 */
export class IdempotentRequestAbandonedError extends DomainError {
  readonly code = 'IDEMPOTENCY_KEY_ABANDONED';
  readonly status = 409;
  constructor() {
    super(
      'The first request with this Idempotency-Key did not finish and may or may not have taken effect; check, then use a new key.',
      IDEMPOTENCY_KEY_HEADER,
    );
  }
}

/** The caller spent its budget of requests for the current window. */
export class RateLimitedError extends DomainError {
  readonly code = 'RATE_LIMITED';
  readonly status = 429;
  constructor(readonly retryAfterSeconds: number) {
    super(`Too many requests; retry in ${retryAfterSeconds} s.`);
  }
}
