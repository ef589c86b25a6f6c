import { type ApiProblem, waitText } from '../../core/api/problem';
import type { FormProblem } from '../ui/credential-rules';

export type AuthAction = 'login' | 'signup' | 'demo';

export function tooManyAttemptsMessage(retryAfterSeconds: number | null): string {
  if (retryAfterSeconds === null) {
    return 'Too many attempts, try again later';
  }
  return `Too many attempts, try again in ${waitText(retryAfterSeconds)}`;
}

/**
 * Decides what an auth form shows for a failed request: the server's per-field errors go
 * next to the matching fields; everything else becomes one message above the form.
 */
export function toAuthFormProblem<F extends string>(
  problem: ApiProblem,
  fields: readonly F[],
  action: AuthAction,
): FormProblem<F> {
  const fieldErrors: Partial<Record<F, string>> = {};
  const otherErrors: string[] = [];
  for (const [field, messages] of Object.entries(problem.fieldErrors)) {
    if ((fields as readonly string[]).includes(field)) {
      fieldErrors[field as F] = messages.join(' ');
    } else {
      otherErrors.push(...messages);
    }
  }
  const hasFieldErrors = Object.keys(fieldErrors).length > 0;

  let message: string | null;
  if (problem.status === 0) {
    message = "Can't reach the server. Check your connection and try again.";
  } else if (problem.status === 429) {
    message = tooManyAttemptsMessage(problem.retryAfterSeconds);
  } else if (problem.status === 401 && action === 'login') {
    message = 'Wrong email or password';
  } else if (problem.status >= 500) {
    message = 'Something went wrong on our side. Please try again in a moment.';
  } else if (otherErrors.length > 0) {
    message = otherErrors.join(' ');
  } else if (hasFieldErrors) {
    message = null;
  } else {
    message = problem.detail || problem.title;
  }

  return { fieldErrors, message };
}
