import { type ApiProblem, toApiProblem } from './problem';

/** What every hey-api SDK function resolves to in its default (non-throwing) style. */
export interface SdkResult<T> {
  readonly data?: T;
  readonly error?: unknown;
  readonly response?: Response;
}

export type Settled<T> = { readonly ok: true; readonly data: T } | { readonly ok: false; readonly problem: ApiProblem };

/**
 * Awaits an SDK call and folds its three outcomes (2xx, error status, network failure or
 * thrown exception) into `{ok, data}` / `{ok, problem}`.
 */
export async function settle<T>(call: Promise<SdkResult<T>> | (() => Promise<SdkResult<T>>)): Promise<Settled<T>> {
  try {
    const { data, error, response } = await (typeof call === 'function' ? call() : call);
    if (response?.ok && error === undefined) {
      return { ok: true, data: data as T };
    }
    return { ok: false, problem: toApiProblem(error, response) };
  } catch (thrown) {
    return { ok: false, problem: toApiProblem(thrown, undefined) };
  }
}
