import { readableTime } from './trigger-rules';

describe('readableTime ({{event.at}})', () => {
  it('writes the moment as people read it, in UTC, with the zone named', () => {
    expect(readableTime('2026-12-02T18:04:36.202Z')).toBe('2 Dec 2026, 18:04 UTC');
    expect(readableTime('2026-03-29T00:59:00+01:00')).toBe('28 Mar 2026, 23:59 UTC');
  });

  it('keeps a value it cannot read as it is', () => {
    expect(readableTime('not a time')).toBe('not a time');
  });
});
