import { apiProblem as problem } from '../../core/testing/api-problem';
import { toAuthFormProblem, tooManyAttemptsMessage } from './auth-problem';

const SIGNUP_FIELDS = ['email', 'username', 'password'] as const;
const LOGIN_FIELDS = ['email', 'password'] as const;

describe('toAuthFormProblem', () => {
  it('puts a 409 duplicate next to its field with no general message', () => {
    const result = toAuthFormProblem(
      problem({ status: 409, title: 'Conflict', fieldErrors: { email: ['email is already registered'] } }),
      SIGNUP_FIELDS,
      'signup',
    );
    expect(result).toEqual({ fieldErrors: { email: 'email is already registered' }, message: null });
  });

  it('joins several messages for one field', () => {
    const result = toAuthFormProblem(
      problem({ fieldErrors: { password: ['too short.', 'too common.'] } }),
      SIGNUP_FIELDS,
      'signup',
    );
    expect(result.fieldErrors.password).toBe('too short. too common.');
  });

  it('shows errors for fields the form does not have as the general message', () => {
    const result = toAuthFormProblem(
      problem({ fieldErrors: { username: ['property username should not exist'], password: ['too short'] } }),
      LOGIN_FIELDS,
      'login',
    );
    expect(result).toEqual({ fieldErrors: { password: 'too short' }, message: 'property username should not exist' });
  });

  it('says "Wrong email or password" for a failed login', () => {
    const result = toAuthFormProblem(
      problem({ status: 401, title: 'Unauthorized', detail: 'Invalid credentials' }),
      LOGIN_FIELDS,
      'login',
    );
    expect(result).toEqual({ fieldErrors: {}, message: 'Wrong email or password' });
  });

  it('uses Retry-After for 429', () => {
    const result = toAuthFormProblem(problem({ status: 429, retryAfterSeconds: 30 }), LOGIN_FIELDS, 'login');
    expect(result.message).toBe('Too many attempts, try again in 30 seconds');
  });

  it('uses the server detail for other errors without fields', () => {
    const result = toAuthFormProblem(
      problem({ status: 403, title: 'Forbidden', detail: 'Signups are closed' }),
      SIGNUP_FIELDS,
      'signup',
    );
    expect(result.message).toBe('Signups are closed');
  });

  it('hides server internals behind a friendly 5xx message', () => {
    expect(
      toAuthFormProblem(problem({ status: 500, detail: 'TypeError at line 3' }), LOGIN_FIELDS, 'demo').message,
    ).toBe('Something went wrong on our side. Please try again in a moment.');
  });

  it('explains a network failure', () => {
    expect(toAuthFormProblem(problem({ status: 0 }), LOGIN_FIELDS, 'login').message).toContain(
      "Can't reach the server",
    );
  });
});

describe('tooManyAttemptsMessage', () => {
  it('handles singular, missing and zero values', () => {
    expect(tooManyAttemptsMessage(1)).toBe('Too many attempts, try again in 1 second');
    expect(tooManyAttemptsMessage(0)).toBe('Too many attempts, try again in 1 second');
    expect(tooManyAttemptsMessage(null)).toBe('Too many attempts, try again later');
  });
});
