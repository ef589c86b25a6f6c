import { Circuit, retryDelayMs } from './retry-policy';

describe('retryDelayMs', () => {
  it('doubles per attempt, jittered within the upper half, up to the cap', () => {
    expect(retryDelayMs(1, 1000, 60_000, () => 0)).toBe(500);
    expect(retryDelayMs(1, 1000, 60_000, () => 1)).toBe(1000);
    expect(retryDelayMs(4, 1000, 60_000, () => 1)).toBe(8000);
    expect(retryDelayMs(30, 1000, 60_000, () => 1)).toBe(60_000);
    expect(retryDelayMs(30, 1000, 60_000, () => 0)).toBe(30_000);
  });

  it('with the defaults, keeps retrying for more than 24 hours before a 25-hour window ends', () => {
    let elapsed = 0;
    let attempts = 0;
    const window = 25 * 60 * 60 * 1000;
    for (;;) {
      const delay = retryDelayMs(attempts + 1, 30_000, 60 * 60 * 1000, () => 0);
      if (elapsed + delay > window) break;
      elapsed += delay;
      attempts += 1;
    }
    expect(elapsed).toBeGreaterThan(24 * 60 * 60 * 1000);
  });
});

describe('Circuit', () => {
  it('opens after the failures in a row, lets one probe through after the wait, and closes on success', () => {
    const c = new Circuit(3, 1000);
    for (let i = 0; i < 2; i++) c.failed(0);
    expect(c.capacity(0, 4)).toBe(4);
    c.failed(0);
    expect(c.isOpen).toBe(true);
    expect(c.capacity(999, 4)).toBe(0);
    expect(c.capacity(1000, 4)).toBe(1);
    c.started();
    expect(c.capacity(1000, 4)).toBe(0);
    c.failed(1000);
    // Open again, for twice as long.
    expect(c.capacity(2999, 4)).toBe(0);
    expect(c.capacity(3000, 4)).toBe(1);
    c.started();
    c.succeeded();
    expect(c.isOpen).toBe(false);
    expect(c.capacity(3000, 4)).toBe(4);
  });
});
