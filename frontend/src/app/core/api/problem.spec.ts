import { parseRetryAfter, toApiProblem, waitText } from './problem';

function response(status: number, headers: Record<string, string> = {}) {
  const h = new Headers(headers);
  return { status, headers: h };
}

describe('toApiProblem', () => {
  it('keeps title, detail, status and groups per-field errors', () => {
    const problem = toApiProblem(
      {
        type: 'https://balanced.example/problems/validation',
        title: 'Bad Request',
        status: 400,
        detail: 'Validation failed',
        errors: [
          { field: 'password', message: 'password must be at least 8 characters' },
          { field: 'username', message: 'username is too short' },
          { field: 'password', message: 'password is too weak' },
        ],
      },
      response(400),
    );

    expect(problem).toEqual({
      status: 400,
      title: 'Bad Request',
      detail: 'Validation failed',
      fieldErrors: {
        password: ['password must be at least 8 characters', 'password is too weak'],
        username: ['username is too short'],
      },
      retryAfterSeconds: null,
    });
  });

  it('ignores malformed error entries instead of crashing', () => {
    const problem = toApiProblem(
      { status: 409, errors: [null, { field: 'email' }, { field: 'email', message: 'taken' }, 'x'] },
      response(409),
    );
    expect(problem.fieldErrors).toEqual({ email: ['taken'] });
    expect(problem.title).toBe('Conflict');
    expect(problem.detail).toBe('Conflict');
  });

  it('reads Retry-After on 429', () => {
    const problem = toApiProblem({ title: 'Too Many Requests', status: 429 }, response(429, { 'Retry-After': '42' }));
    expect(problem.retryAfterSeconds).toBe(42);
  });

  it('prefers the real response status over the body', () => {
    expect(toApiProblem({ status: 200 }, response(502)).status).toBe(502);
  });

  it('uses a plain-text body as detail', () => {
    const problem = toApiProblem('Bad gateway from proxy', response(502));
    expect(problem.detail).toBe('Bad gateway from proxy');
    expect(problem.title).toBe('HTTP 502');
  });

  it('maps a failed fetch (no response) to status 0', () => {
    const problem = toApiProblem(new TypeError('Failed to fetch'), undefined);
    expect(problem).toMatchObject({ status: 0, title: 'Network error', detail: 'Failed to fetch', fieldErrors: {} });
  });
});

describe('parseRetryAfter', () => {
  const now = Date.parse('2025-01-01T00:00:00Z');

  it('reads delta-seconds', () => {
    expect(parseRetryAfter('30', now)).toBe(30);
  });

  it('reads an HTTP date, rounding up', () => {
    expect(parseRetryAfter('Wed, 01 Jan 2025 00:00:10 GMT', now)).toBe(10);
  });

  it('never goes negative for a date in the past', () => {
    expect(parseRetryAfter('Tue, 31 Dec 2024 23:59:00 GMT', now)).toBe(0);
  });

  it('returns null for a missing or garbage value', () => {
    expect(parseRetryAfter(null, now)).toBeNull();
    expect(parseRetryAfter('soon', now)).toBeNull();
  });
});

describe('waitText', () => {
  it('says a short wait in seconds', () => {
    expect(waitText(1)).toBe('1 second');
    expect(waitText(0)).toBe('1 second');
    expect(waitText(30)).toBe('30 seconds');
  });

  it('says a longer wait in whole minutes or hours, rounded up', () => {
    expect(waitText(896)).toBe('15 minutes');
    expect(waitText(120)).toBe('2 minutes');
    expect(waitText(61 * 60)).toBe('61 minutes');
    expect(waitText(3 * 3600 - 5)).toBe('3 hours');
  });
});
