import { apiProblem as problem } from '../testing/api-problem';
import { toFormProblem } from './form-problem';

const FIELDS = ['title', 'customer', 'photoUrl'] as const;
const MAP = { customerId: 'customer' } as const;

describe('toFormProblem', () => {
  it('puts each server message next to its field, renaming body fields to controls', () => {
    const result = toFormProblem(
      problem({
        fieldErrors: {
          title: ['title must be 1 to 200 characters'],
          customerId: ['customerId must be the id of one of your customers'],
        },
      }),
      FIELDS,
      MAP,
    );
    expect(result).toEqual({
      fieldErrors: {
        title: 'title must be 1 to 200 characters',
        customer: 'customerId must be the id of one of your customers',
      },
      message: null,
      conflict: false,
    });
  });

  it('shows errors about fields the form does not have as the general message', () => {
    const result = toFormProblem(
      problem({ fieldErrors: { macroId: ['property macroId should not exist'] } }),
      FIELDS,
      MAP,
    );
    expect(result.message).toBe('property macroId should not exist');
    expect(result.fieldErrors).toEqual({});
  });

  it('flags a 409 as a conflict with a reload hint', () => {
    const result = toFormProblem(problem({ status: 409, title: 'Conflict', detail: 'Version mismatch' }), FIELDS);
    expect(result.conflict).toBe(true);
    expect(result.message).toMatch(/someone else changed/i);
  });

  it('uses a friendly message for other failures', () => {
    expect(
      toFormProblem(
        problem({ status: 403, title: 'Forbidden', detail: 'Only the creator can change the title' }),
        FIELDS,
      ).message,
    ).toBe('Only the creator can change the title');
    expect(toFormProblem(problem({ status: 0 }), FIELDS).message).toContain("Can't reach the server");
  });
});
