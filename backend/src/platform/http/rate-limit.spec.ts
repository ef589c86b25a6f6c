import { RateLimiter } from './rate-limit';

describe('RateLimiter', () => {
  it('allows the budget within a window that starts with the first request, then refuses until it ends', () => {
    let now = 1_000_000;
    const limiter = new RateLimiter(3, () => now);
    expect([1, 2, 3].map(() => limiter.take('u'))).toEqual([
      { allowed: true, remaining: 2, resetSeconds: 60 },
      { allowed: true, remaining: 1, resetSeconds: 60 },
      { allowed: true, remaining: 0, resetSeconds: 60 },
    ]);
    now += 59_500;
    expect(limiter.take('u')).toEqual({ allowed: false, remaining: 0, resetSeconds: 1 });
    now += 500;
    expect(limiter.take('u')).toEqual({ allowed: true, remaining: 2, resetSeconds: 60 });
  });

  it('counts each user on its own and says its policy in the draft syntax', () => {
    const limiter = new RateLimiter(1, () => 0);
    expect(limiter.take('a').allowed).toBe(true);
    expect(limiter.take('a').allowed).toBe(false);
    expect(limiter.take('b').allowed).toBe(true);
    expect(limiter.policy).toBe('"per-user";q=1;w=60');
  });
});
