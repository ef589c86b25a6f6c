import { DomainError, domainError, ResourceNotFoundError, StaleVersionError } from './domain-error';
import { toProblem } from './problem.filter';

class TakenError extends domainError('TAKEN', 409, 'This is taken', 'email') {}
class WaitError extends domainError('WAIT', 429) {
  constructor(readonly retryAfterSeconds: number) {
    super(`Try again in ${retryAfterSeconds} seconds.`);
  }
}

describe('domainError', () => {
  it('gives each error its own name, code, status, message and field', () => {
    const error = new TakenError();
    expect(error).toBeInstanceOf(TakenError);
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toBeInstanceOf(Error);
    expect(new WaitError(1)).not.toBeInstanceOf(TakenError);
    expect(error).toMatchObject({
      name: 'TakenError',
      code: 'TAKEN',
      status: 409,
      field: 'email',
      message: 'This is taken',
    });
  });

  it('keeps the constructor arguments of errors whose message depends on them', () => {
    expect(new WaitError(7)).toMatchObject({
      name: 'WaitError',
      retryAfterSeconds: 7,
      message: 'Try again in 7 seconds.',
      field: undefined,
    });
    expect(new ResourceNotFoundError('Macro')).toMatchObject({
      name: 'ResourceNotFoundError',
      code: 'NOT_FOUND',
      status: 404,
      message: 'Macro not found',
    });
  });

  it('renders the problem body from the code, status, message and field', () => {
    expect(toProblem(new StaleVersionError('Ticket'))).toEqual({
      type: 'urn:balanced-workspace:problem:stale-version',
      title: 'Conflict',
      status: 409,
      detail: 'Ticket was changed by someone else; reload it and try again',
      code: 'STALE_VERSION',
      errors: [{ field: 'version', message: 'Ticket was changed by someone else; reload it and try again' }],
    });
  });
});
