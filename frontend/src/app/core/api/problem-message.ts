import { type ApiProblem, waitText } from './problem';

/**
 * One sentence for the user about a failed request. Server internals (5xx details) are
 * hidden; a refusal the user can act on (404, 403, 409, validation) keeps the server's words.
 */
export function problemMessage(problem: ApiProblem): string {
  if (problem.status === 0) {
    return "Can't reach the server. Check your connection and try again.";
  }
  if (problem.status === 429) {
    return problem.retryAfterSeconds !== null
      ? `Too many requests. Try again in ${waitText(problem.retryAfterSeconds)}.`
      : 'Too many requests. Try again in a moment.';
  }
  if (problem.status >= 500) {
    return 'Something went wrong on our side. Please try again in a moment.';
  }
  const fieldMessages = Object.values(problem.fieldErrors).flat();
  if (problem.status === 400 && fieldMessages.length > 0) {
    return fieldMessages.join(' ');
  }
  return problem.detail || problem.title;
}

export function isNotFound(problem: ApiProblem | null | undefined): boolean {
  return problem?.status === 404;
}

/** A stale `version` on PATCH: someone else saved in between. */
export function isConflict(problem: ApiProblem | null | undefined): boolean {
  return problem?.status === 409;
}
