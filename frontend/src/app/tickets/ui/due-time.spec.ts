import { dueText } from './due-time';

describe('a due time in words', () => {
  const now = new Date(2026, 11, 3, 9, 0).getTime();
  const at = (days: number, hours = 9, minutes = 0) => new Date(2026, 11, 3 + days, hours, minutes).toISOString();

  it('says a coming due time as how far ahead it is', () => {
    expect(dueText(at(0, 9, 20), now)).toBe('in 20 minutes');
    expect(dueText(at(0, 9, 0) + '', now + 1)).toBe('just now');
    expect(dueText(new Date(now + 10_000).toISOString(), now)).toBe('in 1 minute');
    expect(dueText(at(0, 12), now)).toBe('in 3 hours');
    expect(dueText(at(1, 8), now)).toBe('tomorrow');
    expect(dueText(at(4), now)).toBe('in 4 days');
    expect(dueText(at(10), now)).toBe('Dec 13');
    expect(dueText(new Date(2027, 1, 2).toISOString(), now)).toBe('Feb 2, 2027');
  });

  it('says a passed due time as any past moment', () => {
    expect(dueText(at(0, 7), now)).toBe('2 hours ago');
    expect(dueText(at(-2), now)).toBe('2 days ago');
    expect(dueText('not a time', now)).toBe('not a time');
  });
});
