/** One answer of `GET /api/health`: when it was asked (ms since the probe started), how long it took, its status. */
export interface ProbeSample {
  at: number;
  ms: number;
  status: number;
}

/**
 * Asks `GET /api/health` again as soon as the previous answer arrived, for as long as it runs, and
 * records each answer's latency. A request that holds the event loop shows up as one slow answer
 * here, whatever route it was sent to.
 */
export class HealthProbe {
  readonly samples: ProbeSample[] = [];
  private running = false;
  private loop: Promise<void> = Promise.resolve();
  private readonly started = performance.now();

  constructor(private readonly baseUrl: string) {}

  start(): void {
    this.running = true;
    this.loop = (async () => {
      while (this.running) {
        const asked = performance.now();
        let status = 0;
        try {
          const res = await fetch(`${this.baseUrl}/api/health`, { signal: AbortSignal.timeout(120_000) });
          await res.text();
          status = res.status;
        } catch {
          // status 0: no answer (counted as a failure by the caller)
        }
        this.samples.push({ at: Math.round(asked - this.started), ms: performance.now() - asked, status });
      }
    })();
  }

  async stop(): Promise<void> {
    this.running = false;
    await this.loop;
  }

  /** A position in the samples, to look only at what came after it. */
  mark(): number {
    return this.samples.length;
  }

  /** Answers since `mark` that were slower than `boundMs` or not 200, and the number of answers. */
  since(mark: number, boundMs: number): { answers: number; slowest: number; bad: ProbeSample[] } {
    const recent = this.samples.slice(mark);
    return {
      answers: recent.length,
      slowest: Math.round(recent.reduce((max, s) => Math.max(max, s.ms), 0)),
      bad: recent.filter((s) => s.ms > boundMs || s.status !== 200),
    };
  }
}
