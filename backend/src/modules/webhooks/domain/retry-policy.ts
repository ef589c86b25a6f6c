/** When a failed attempt is tried again: exponential backoff from `baseMs`, capped at `maxMs`, with full jitter in its upper half. */
export function retryDelayMs(
  attempts: number,
  baseMs: number,
  maxMs: number,
  random: () => number = Math.random,
): number {
  const exponential = Math.min(maxMs, baseMs * 2 ** Math.max(0, attempts - 1));
  return Math.round(exponential / 2 + (random() * exponential) / 2);
}

/** Longest an open circuit waits before it lets one attempt through. */
const MAX_OPEN_MS = 10 * 60 * 1000;

/**
 * One endpoint's circuit, per instance: after `failures` failed attempts in a row it opens and the
 * worker claims none of its deliveries until `openMs` has passed (doubling while it keeps failing);
 * then one attempt goes through (half-open). A success closes it.
 */
export class Circuit {
  private failuresInRow = 0;
  private openings = 0;
  private openUntil = 0;
  private probing = false;

  constructor(
    private readonly failures: number,
    private readonly openMs: number,
  ) {}

  /** May a new attempt start now? While half-open, only one at a time. */
  allows(now: number): boolean {
    if (this.failuresInRow < this.failures) return true;
    return now >= this.openUntil && !this.probing;
  }

  /** Most attempts that may start now, given the endpoint's own limit. */
  capacity(now: number, limit: number): number {
    if (this.failuresInRow < this.failures) return limit;
    return this.allows(now) ? 1 : 0;
  }

  started(): void {
    if (this.failuresInRow >= this.failures) this.probing = true;
  }

  succeeded(): void {
    this.failuresInRow = 0;
    this.openings = 0;
    this.probing = false;
  }

  failed(now: number): void {
    this.failuresInRow += 1;
    this.probing = false;
    if (this.failuresInRow >= this.failures) {
      this.openUntil = now + Math.min(MAX_OPEN_MS, this.openMs * 2 ** this.openings);
      this.openings += 1;
    }
  }

  get isOpen(): boolean {
    return this.failuresInRow >= this.failures;
  }
}
