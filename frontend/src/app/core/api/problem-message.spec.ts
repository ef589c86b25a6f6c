import { apiProblem as problem } from '../testing/api-problem';
import { isConflict, isNotFound, problemMessage } from './problem-message';

describe('problemMessage', () => {
  it('explains a network failure', () => {
    expect(problemMessage(problem({ status: 0 }))).toContain("Can't reach the server");
  });

  it('hides server internals of a 5xx', () => {
    expect(problemMessage(problem({ status: 500, detail: 'TypeError: x is undefined' }))).toBe(
      'Something went wrong on our side. Please try again in a moment.',
    );
  });

  it('uses Retry-After for 429', () => {
    expect(problemMessage(problem({ status: 429, retryAfterSeconds: 12 }))).toBe(
      'Too many requests. Try again in 12 seconds.',
    );
    expect(problemMessage(problem({ status: 429 }))).toBe('Too many requests. Try again in a moment.');
  });

  it('lists the field messages of a validation failure', () => {
    expect(problemMessage(problem({ fieldErrors: { box: ['box must be one of incoming, outgoing, all'] } }))).toBe(
      'box must be one of incoming, outgoing, all',
    );
  });

  it("keeps the server's words for refusals the user can act on", () => {
    expect(
      problemMessage(problem({ status: 403, title: 'Forbidden', detail: 'Only the creator can delete a ticket' })),
    ).toBe('Only the creator can delete a ticket');
  });
});

describe('isNotFound / isConflict', () => {
  it('recognise 404 and 409', () => {
    expect(isNotFound(problem({ status: 404 }))).toBe(true);
    expect(isConflict(problem({ status: 409 }))).toBe(true);
    expect(isConflict(null)).toBe(false);
  });
});
