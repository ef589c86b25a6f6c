import type { ApiProblem } from '../api/problem';

/** For specs: a failed request's problem, a 400 unless `partial` says otherwise. */
export function apiProblem(partial: Partial<ApiProblem> = {}): ApiProblem {
  return {
    status: 400,
    title: 'Bad Request',
    detail: 'Validation failed',
    fieldErrors: {},
    retryAfterSeconds: null,
    ...partial,
  };
}
