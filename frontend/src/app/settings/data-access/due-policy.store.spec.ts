import { describeMinutes } from './due-policy.store';

describe('describeMinutes', () => {
  it('reads minutes as minutes, hours or days', () => {
    expect(describeMinutes(1)).toBe('1 minute');
    expect(describeMinutes(90)).toBe('90 minutes');
    expect(describeMinutes(240)).toBe('4 hours');
    expect(describeMinutes(60)).toBe('1 hour');
    expect(describeMinutes(1440)).toBe('1 day');
    expect(describeMinutes(1500)).toBe('1 day 1 hour');
    expect(describeMinutes(4320)).toBe('3 days');
  });
});
