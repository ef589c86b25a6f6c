export interface BoundedQueueOptions {
  /** Tasks running at once. */
  concurrency: number;
  /** Tasks that may wait for a slot; one more is refused at once. */
  maxWaiting: number;
}

/** `BoundedQueue.run` refused a task: every slot is busy and the waiting line is full. */
export class QueueFullError extends Error {
  constructor() {
    super('The queue is full');
    this.name = 'QueueFullError';
  }
}

/**
 * A semaphore with a bounded waiting line: at most `concurrency` tasks run at once, at most
 * `maxWaiting` wait (first come, first served), and anything beyond that is refused with
 * QueueFullError before it starts, so the caller can shed load instead of piling it up.
 */
export class BoundedQueue {
  private readonly waitingLine: (() => void)[] = [];
  private active = 0;

  constructor(private readonly options: BoundedQueueOptions) {}

  /** Runs `task` when a slot is free; rejects with QueueFullError at once when the line is full. */
  async run<T>(task: () => Promise<T>): Promise<T> {
    await this.acquire();
    try {
      return await task();
    } finally {
      this.release();
    }
  }

  /** Tasks running now. */
  get running(): number {
    return this.active;
  }

  /** Tasks waiting for a slot. */
  get waiting(): number {
    return this.waitingLine.length;
  }

  private acquire(): Promise<void> {
    if (this.active < this.options.concurrency) {
      this.active++;
      return Promise.resolve();
    }
    if (this.waitingLine.length >= this.options.maxWaiting) return Promise.reject(new QueueFullError());
    // The slot passes straight from the releasing task to the next in line (active stays the same).
    return new Promise<void>((resolve) => this.waitingLine.push(resolve));
  }

  private release(): void {
    const next = this.waitingLine.shift();
    if (next) next();
    else this.active--;
  }
}
