import { insertAt } from './insert-placeholder';

describe('insertAt', () => {
  it('inserts at the caret and puts the caret after the insertion', () => {
    expect(insertAt('Hello !', '{{customer.name}}', 6, 6)).toEqual({ value: 'Hello {{customer.name}}!', caret: 23 });
  });

  it('replaces the selected text', () => {
    expect(insertAt('Dear NAME,', '{{customer.name}}', 5, 9)).toEqual({ value: 'Dear {{customer.name}},', caret: 22 });
  });

  it('appends when there is no caret, and clamps positions out of range', () => {
    expect(insertAt('Hi ', 'X', null, null)).toEqual({ value: 'Hi X', caret: 4 });
    expect(insertAt('Hi', 'X', 99, 120)).toEqual({ value: 'HiX', caret: 3 });
  });
});
