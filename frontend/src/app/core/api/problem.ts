/**
 * The API answers errors as RFC 9457 problem+json:
 * `{type, title, status, detail, errors?: [{field, message}]}`.
 * `toApiProblem` turns whatever the SDK hands back (a parsed body, a text body, or the
 * exception of a failed fetch) into one predictable shape for the stores and pages.
 */
export interface ApiProblem {
  /** HTTP status; 0 when the server could not be reached at all. */
  readonly status: number;
  readonly title: string;
  readonly detail: string;
  /** Messages per request-body field, in the order the server sent them. */
  readonly fieldErrors: Readonly<Record<string, readonly string[]>>;
  /** Seconds from `Retry-After` (429/503), rounded up; `null` when absent or unparsable. */
  readonly retryAfterSeconds: number | null;
}

interface ResponseLike {
  readonly status: number;
  readonly statusText?: string;
  readonly headers: { get(name: string): string | null };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function nonEmptyString(value: unknown): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value : null;
}

/**
 * A wait as people say it: "30 seconds", "1 minute", "15 minutes" (896 s), "2 hours"; rounded
 * up, so the user never retries too early.
 */
export function waitText(seconds: number): string {
  const [count, unit] =
    seconds <= 90
      ? [Math.max(1, Math.ceil(seconds)), 'second']
      : seconds <= 90 * 60
        ? [Math.ceil(seconds / 60), 'minute']
        : [Math.ceil(seconds / 3600), 'hour'];
  return `${count} ${unit}${count === 1 ? '' : 's'}`;
}

/** `Retry-After` is either delta-seconds or an HTTP date. */
export function parseRetryAfter(value: string | null | undefined, now: number = Date.now()): number | null {
  if (value == null || value.trim() === '') {
    return null;
  }
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) {
    return Number(trimmed);
  }
  const at = Date.parse(trimmed);
  if (Number.isNaN(at)) {
    return null;
  }
  return Math.max(0, Math.ceil((at - now) / 1000));
}

function collectFieldErrors(errors: unknown): Record<string, string[]> {
  const result: Record<string, string[]> = {};
  if (!Array.isArray(errors)) {
    return result;
  }
  for (const entry of errors) {
    if (!isRecord(entry)) {
      continue;
    }
    const field = nonEmptyString(entry['field']);
    const message = nonEmptyString(entry['message']);
    if (field === null || message === null) {
      continue;
    }
    (result[field] ??= []).push(message);
  }
  return result;
}

const FALLBACK_TITLES: Readonly<Record<number, string>> = {
  0: 'Network error',
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  409: 'Conflict',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

export function toApiProblem(error: unknown, response?: ResponseLike | null, now: number = Date.now()): ApiProblem {
  const body = isRecord(error) ? error : null;
  const bodyStatus = body !== null && typeof body['status'] === 'number' ? body['status'] : null;
  const status = response?.status ?? bodyStatus ?? 0;

  const title =
    nonEmptyString(body?.['title']) ??
    nonEmptyString(response?.statusText) ??
    FALLBACK_TITLES[status] ??
    (status === 0 ? 'Network error' : `HTTP ${status}`);

  let detail = nonEmptyString(body?.['detail']);
  if (detail === null && typeof error === 'string' && error.trim() !== '' && error.length <= 500) {
    detail = error.trim();
  }
  if (detail === null && status === 0 && error instanceof Error) {
    detail = error.message;
  }

  return {
    status,
    title,
    detail: detail ?? title,
    fieldErrors: collectFieldErrors(body?.['errors']),
    retryAfterSeconds: parseRetryAfter(response?.headers.get('Retry-After'), now),
  };
}
