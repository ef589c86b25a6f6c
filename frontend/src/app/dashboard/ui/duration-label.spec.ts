import { durationLabel } from './duration-label';

describe('durationLabel', () => {
  it.each([
    [null, '—'],
    [0.4, '0 min'],
    [45, '45 min'],
    [60, '1 h'],
    [200, '3 h 20 min'],
    [1440, '1 d'],
    [3180, '2 d 5 h'],
  ])('%p minutes read %p', (minutes, label) => {
    expect(durationLabel(minutes)).toBe(label);
  });
});
