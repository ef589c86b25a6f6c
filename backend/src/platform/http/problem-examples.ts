import { problem, Problem } from '../errors/problem';

/**
 * One true example body per error status, built with the same `problem()` the error filter
 * answers with, so the console and the SDK's readers see the shape the server really sends.
 */
export const PROBLEM_EXAMPLES: Record<number, Problem> = {
  400: problem(400, 'VALIDATION_FAILED', 'The request has invalid fields.', [
    { field: 'title', message: 'title is required' },
  ]),
  401: problem(401, 'UNAUTHENTICATED', 'Log in or send an API token to use this endpoint'),
  403: problem(
    403,
    'CSRF_TOKEN_INVALID',
    "The X-XSRF-TOKEN header is missing, does not match the XSRF-TOKEN cookie, or is not this session's token",
  ),
  404: problem(404, 'NOT_FOUND', 'Ticket not found'),
  409: problem(409, 'STALE_VERSION', 'Ticket was changed by someone else; reload it and try again', [
    { field: 'version', message: 'Ticket was changed by someone else; reload it and try again' },
  ]),
  413: problem(413, 'PAYLOAD_TOO_LARGE', 'The request body is too large.', [
    { field: 'body', message: 'is too large' },
  ]),
  415: problem(415, 'UNSUPPORTED_MEDIA_TYPE', 'Request bodies are JSON in UTF-8.', [
    { field: 'body', message: 'must be sent as application/json' },
  ]),
  429: problem(429, 'TOO_MANY_LOGIN_ATTEMPTS', 'Too many failed login attempts. Try again in 896 seconds.'),
  503: problem(503, 'SERVICE_UNAVAILABLE', 'The database is unavailable; try again shortly.'),
};

export const PROBLEM_DESCRIPTIONS: Record<number, string> = {
  400: 'Invalid input; `errors` names each bad field (a body sent to an operation that takes none, an unknown field or query parameter, a malformed path)',
  401: 'Not authenticated',
  403: 'Not allowed (or the CSRF header is missing)',
  404: 'Not found, or not visible to the caller',
  409: 'Conflict (duplicate, stale version or wrong state)',
  413: 'The body is larger than BODY_LIMIT',
  415: 'The body is not JSON in UTF-8',
  429: 'Rate limited; see Retry-After',
  503: 'Temporarily unavailable (database down, or the server busy); see Retry-After',
};

/** The OpenAPI response object of an error status: problem+json with its example. */
export function problemResponse(status: number) {
  return {
    description: PROBLEM_DESCRIPTIONS[status] ?? 'Error',
    content: {
      'application/problem+json': {
        schema: { $ref: '#/components/schemas/ProblemDto' },
        example: PROBLEM_EXAMPLES[status],
      },
    },
  };
}
