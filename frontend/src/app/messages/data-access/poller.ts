/**
 * Runs `tick` every `intervalMs` while started, skipping ticks while the page is hidden (a
 * background tab need not ask the server), and once more as soon as it is visible again.
 * Framework-free, so it can be tested with fake timers.
 */
export class Poller {
  private timer: ReturnType<typeof setInterval> | undefined;
  private readonly onVisibility = (): void => {
    if (!this.isHidden()) void this.tick();
  };

  constructor(
    private readonly tick: () => unknown,
    private readonly intervalMs: number,
    private readonly isHidden: () => boolean = () => false,
    private readonly visibility: Pick<Document, 'addEventListener' | 'removeEventListener'> | null = null,
  ) {}

  get running(): boolean {
    return this.timer !== undefined;
  }

  /** Ticks now, then every interval. Starting a running poller does nothing. */
  start(): void {
    if (this.timer !== undefined) return;
    void this.tick();
    this.timer = setInterval(() => {
      if (!this.isHidden()) void this.tick();
    }, this.intervalMs);
    this.visibility?.addEventListener('visibilitychange', this.onVisibility);
  }

  stop(): void {
    if (this.timer === undefined) return;
    clearInterval(this.timer);
    this.timer = undefined;
    this.visibility?.removeEventListener('visibilitychange', this.onVisibility);
  }
}
