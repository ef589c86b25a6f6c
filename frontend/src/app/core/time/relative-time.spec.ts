import { exactTime, relativeTime } from './relative-time';

describe('relativeTime', () => {
  // Local times, so calendar days are the test machine's own.
  const now = new Date(2026, 11, 3, 15, 30).getTime();
  const at = (...parts: [number, number, number, number?, number?]) => new Date(...parts).toISOString();

  it('says "just now" within a minute, also slightly ahead of the clock', () => {
    expect(relativeTime(new Date(now - 20_000).toISOString(), now)).toBe('just now');
    expect(relativeTime(new Date(now + 5_000).toISOString(), now)).toBe('just now');
  });

  it('counts minutes, then hours the same day', () => {
    expect(relativeTime(new Date(now - 5 * 60_000).toISOString(), now)).toBe('5 minutes ago');
    expect(relativeTime(new Date(now - 60_000).toISOString(), now)).toBe('1 minute ago');
    expect(relativeTime(at(2026, 11, 3, 12, 0), now)).toBe('3 hours ago');
  });

  it('says "yesterday" for the day before, whatever the hour, then days', () => {
    expect(relativeTime(at(2026, 11, 2, 23, 50), now)).toBe('yesterday');
    expect(relativeTime(at(2026, 11, 2, 1, 0), now)).toBe('yesterday');
    expect(relativeTime(at(2026, 10, 29, 9, 0), now)).toBe('4 days ago');
  });

  it('gives the date beyond a week, with the year only when it is another', () => {
    expect(relativeTime(at(2026, 10, 24, 9, 0), now)).toBe('Nov 24');
    expect(relativeTime(at(2025, 10, 24, 9, 0), now)).toBe('Nov 24, 2025');
  });

  it('passes text that is no time through', () => {
    expect(relativeTime('soon', now)).toBe('soon');
    expect(exactTime('soon')).toBe('soon');
  });

  it('gives the exact time for the hover text', () => {
    expect(exactTime(at(2026, 11, 3, 9, 41))).toMatch(/^Dec 3, 2026, 9:41\sAM$/);
  });
});
