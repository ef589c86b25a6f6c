/** The outcome of one item of a batch: its result, or the error that item alone answers with. */
export type ItemOutcome<O> = { ok: true; value: O } | { ok: false; error: unknown };

export interface GroupCommitOptions {
  /** Most items one run takes. */
  maxBatch: number;
  /** Runs in progress at once; later items wait and go together into the next run. */
  maxInFlight: number;
}

interface Pending<I, O> {
  item: I;
  resolve: (value: O) => void;
  reject: (error: unknown) => void;
}

/**
 * Group commit: callers submit one item each and wait for its outcome; items submitted while
 * `maxInFlight` runs are in progress are run together, one transaction for many requests. An
 * idle system runs each item at once (a batch of one, started in the same turn of the event
 * loop), so batching costs no latency and appears only under load, where it amortises the
 * per-transaction cost (round trips, the WAL flush at commit) over the batch.
 *
 * `run` returns one outcome per item, in order; if it throws, every item of that run fails
 * with the error (a run that can isolate a guilty item should do so itself).
 */
export class GroupCommit<I, O> {
  private readonly queue: Pending<I, O>[] = [];
  private inFlight = 0;
  private scheduled = false;

  constructor(
    private readonly run: (items: I[]) => Promise<ItemOutcome<O>[]>,
    private readonly options: GroupCommitOptions,
  ) {}

  submit(item: I): Promise<O> {
    return new Promise<O>((resolve, reject) => {
      this.queue.push({ item, resolve, reject });
      this.schedule();
    });
  }

  /** Items waiting for a run (for tests and metrics). */
  get waiting(): number {
    return this.queue.length;
  }

  // Deferred to the end of this turn of the event loop, so requests read from the network in the
  // same turn share a run even when a slot is free.
  private schedule(): void {
    if (this.scheduled || this.inFlight >= this.options.maxInFlight) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      this.pump();
    });
  }

  private pump(): void {
    while (this.inFlight < this.options.maxInFlight && this.queue.length > 0) {
      const batch = this.queue.splice(0, this.options.maxBatch);
      this.inFlight++;
      this.execute(batch).finally(() => {
        this.inFlight--;
        this.pump();
      });
    }
  }

  private async execute(batch: Pending<I, O>[]): Promise<void> {
    let outcomes: ItemOutcome<O>[];
    try {
      outcomes = await this.run(batch.map((p) => p.item));
      if (outcomes.length !== batch.length)
        throw new Error(`group commit: ${outcomes.length} outcomes for ${batch.length} items`);
    } catch (error) {
      for (const p of batch) p.reject(error);
      return;
    }
    outcomes.forEach((outcome, i) => (outcome.ok ? batch[i].resolve(outcome.value) : batch[i].reject(outcome.error)));
  }
}

/**
 * Writes a group in one go; when that fails for a reason that may be one member's (anything but
 * `sharedFailure`, e.g. the database being unreachable), writes each member alone, so one bad
 * member fails only itself. `write` answers one value per member of the part it was given.
 * Returns one outcome per member, in order.
 */
export async function writeTogetherOrAlone<G, O>(
  group: G[],
  write: (part: G[]) => Promise<O[]>,
  sharedFailure: (error: unknown) => boolean,
): Promise<ItemOutcome<O>[]> {
  if (group.length === 0) return [];
  try {
    return (await write(group)).map((value) => ({ ok: true, value }));
  } catch (error) {
    if (group.length === 1 || sharedFailure(error)) return group.map(() => ({ ok: false, error }));
    const outcomes: ItemOutcome<O>[] = [];
    for (const member of group) {
      outcomes.push(
        await write([member]).then(
          ([value]): ItemOutcome<O> => ({ ok: true, value }),
          (alone: unknown): ItemOutcome<O> => ({ ok: false, error: alone }),
        ),
      );
    }
    return outcomes;
  }
}
