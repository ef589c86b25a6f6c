import { apiProblem as problem } from '../../core/testing/api-problem';
import { toMacroFormProblem } from './macro-form-problem';

describe('toMacroFormProblem', () => {
  it('puts `actions.<i>.value` and `.type` errors on their action row', () => {
    const result = toMacroFormProblem(
      problem({
        fieldErrors: {
          'actions.2.value': ['unknown placeholder {{user.password}}'],
          'actions.0.type': ['type must be one of set_status, …'],
        },
      }),
    );
    expect(result.actionErrors).toEqual({
      2: { value: 'unknown placeholder {{user.password}}' },
      0: { type: 'type must be one of set_status, …' },
    });
    expect(result.fieldErrors).toEqual({});
    expect(result.message).toBeNull();
  });

  it('keeps the macro’s own fields next to their controls', () => {
    const result = toMacroFormProblem(
      problem({
        fieldErrors: {
          name: ['name must be 1 to 100 characters'],
          actions: ['actions must contain at least one action'],
        },
      }),
    );
    expect(result.fieldErrors).toEqual({
      name: 'name must be 1 to 100 characters',
      actions: 'actions must contain at least one action',
    });
    expect(result.actionErrors).toEqual({});
  });

  it('turns a 403 (not the owner) and a 409 (stale version) into a general message', () => {
    expect(
      toMacroFormProblem(problem({ status: 403, title: 'Forbidden', detail: 'Only the owner can change a macro' }))
        .message,
    ).toBe('Only the owner can change a macro');
    const conflict = toMacroFormProblem(
      problem({ status: 409, title: 'Conflict', fieldErrors: { version: ['is stale'] } }),
    );
    expect(conflict.conflict).toBe(true);
    expect(conflict.message).toMatch(/someone else changed/i);
  });
});
