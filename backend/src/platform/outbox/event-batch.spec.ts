import { mergeAnswers } from './event-batch';

describe('mergeAnswers', () => {
  it('counts a handler that answered nothing as success for every event', () => {
    expect(mergeAnswers(2, [undefined, undefined])).toEqual([null, null]);
    expect(mergeAnswers(2, [])).toEqual([null, null]);
  });

  it("fails an event that any handler failed, with the first handler's error", () => {
    const answers = [
      [{ ok: true }, { ok: false, error: new Error('first') }, { ok: true }],
      [{ ok: false, error: 'plain' }, { ok: false, error: new Error('second') }, { ok: true }],
    ];
    expect(mergeAnswers(3, answers)).toEqual(['plain', 'first', null]);
  });

  it('fails the whole batch when a handler answers the wrong number of outcomes', () => {
    expect(mergeAnswers(2, [[{ ok: true }]])).toEqual([
      'a handler answered 1 outcomes for 2 events',
      'a handler answered 1 outcomes for 2 events',
    ]);
    expect(mergeAnswers(1, ['done'])).toEqual(['a handler answered string outcomes for 1 events']);
  });
});
