import type { ProblemDto } from './generated/index.js';

/**
 * The `code` values the server sends today (the backend's domain errors and its problem filter).
 * A newer server may send others, so `Problem['code']` stays open; compare against these names.
 * `backend-e2e/src/sdk-package.spec.ts` fails when the backend raises a code that is missing here.
 */
export const PROBLEM_CODES = [
  'BAD_REQUEST',
  'VALIDATION_FAILED',
  'MALFORMED_JSON',
  'UNAUTHENTICATED',
  'INVALID_CREDENTIALS',
  'SESSION_REQUIRED',
  'CSRF_TOKEN_INVALID',
  'FORBIDDEN',
  'NOT_MACRO_OWNER',
  'ONLY_RECEIVER_MAY_MARK_READ',
  'ONLY_CREATOR_MAY_DELETE',
  'ASSIGNEE_MAY_ONLY_CHANGE_STATUS_AND_PRIORITY',
  'NOT_FOUND',
  'METHOD_NOT_ALLOWED',
  'CONFLICT',
  'STALE_VERSION',
  'EMAIL_TAKEN',
  'USERNAME_TAKEN',
  'TICKET_ALREADY_CLOSED',
  'TICKET_NOT_CLOSED',
  'PRECONDITION_FAILED',
  'PAYLOAD_TOO_LARGE',
  'UNSUPPORTED_MEDIA_TYPE',
  'RANGE_NOT_SATISFIABLE',
  'TOO_MANY_LOGIN_ATTEMPTS',
  'TOO_MANY_REQUESTS',
  'CLIENT_ERROR',
  'INTERNAL',
  'SERVER_ERROR',
  'SERVICE_UNAVAILABLE',
  'IDEMPOTENCY_KEY_REUSED',
  'IDEMPOTENCY_KEY_IN_USE',
  'IDEMPOTENCY_KEY_ABANDONED',
  'RATE_LIMITED',
  'SAVED_VIEW_NAME_TAKEN',
  'SAVED_VIEW_LIMIT_REACHED',
  'WEBHOOK_INACTIVE',
] as const;

export type ProblemCode = (typeof PROBLEM_CODES)[number];

/** An `application/problem+json` body (RFC 9457) as the API sends it. */
export type Problem = Omit<ProblemDto, 'code'> & {
  /** Stable machine-readable code; one of {@link ProblemCode} for this API version. */
  code?: ProblemCode | (string & {});
};

/** True when `value` has the shape of a problem body (`type`, `title`, numeric `status`). */
export function isProblem(value: unknown): value is Problem {
  if (typeof value !== 'object' || value === null) return false;
  const { type, title, status } = value as Record<string, unknown>;
  return typeof type === 'string' && typeof title === 'string' && typeof status === 'number';
}

/**
 * What a call with `throwOnError: true` throws when the server answers with an error status.
 * `problem` is the parsed body; a body that is not a problem (a proxy's HTML page, say) becomes one
 * with the response's status and text.
 */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  readonly status: number;
  readonly problem: Problem;
  readonly response: Response;

  constructor(problem: Problem, response: Response) {
    super(problem.detail || problem.title);
    this.status = response.status;
    this.problem = problem;
    this.response = response;
  }

  /** The problem's `code`, if the server sent one. */
  get code(): Problem['code'] {
    return this.problem.code;
  }
}

/** Turns what the generated client parsed from an error response into a {@link Problem}. */
export function toProblem(body: unknown, response: Response): Problem {
  if (isProblem(body)) return body;
  const text = typeof body === 'string' ? body.trim().slice(0, 500) : '';
  const title = response.statusText || `HTTP ${response.status}`;
  return { type: 'about:blank', title, status: response.status, detail: text || title };
}
