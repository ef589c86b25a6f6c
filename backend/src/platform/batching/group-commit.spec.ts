import { GroupCommit, ItemOutcome, writeTogetherOrAlone } from './group-commit';

const ok = <O>(value: O): ItemOutcome<O> => ({ ok: true, value });

/** A run that the test finishes by hand, so it can see what queues behind it. */
function controlledRuns() {
  const runs: { items: number[]; finish: () => void }[] = [];
  const run = (items: number[]) =>
    new Promise<ItemOutcome<number>[]>((resolve) => {
      runs.push({ items, finish: () => resolve(items.map((i) => ok(i * 10))) });
    });
  return { runs, run };
}
const turn = () => new Promise((resolve) => setImmediate(resolve));

describe('GroupCommit', () => {
  it('runs a lone item at once, as a batch of one', async () => {
    const { runs, run } = controlledRuns();
    const group = new GroupCommit(run, { maxBatch: 10, maxInFlight: 1 });
    const result = group.submit(1);
    await turn();
    expect(runs.map((r) => r.items)).toEqual([[1]]);
    runs[0].finish();
    await expect(result).resolves.toBe(10);
  });

  it('puts what arrives while the slots are busy into one run, in order, up to maxBatch', async () => {
    const { runs, run } = controlledRuns();
    const group = new GroupCommit(run, { maxBatch: 3, maxInFlight: 1 });
    const first = group.submit(1);
    await turn();
    const later = [2, 3, 4, 5, 6].map((n) => group.submit(n));
    await turn();
    expect(runs).toHaveLength(1);
    expect(group.waiting).toBe(5);
    runs[0].finish();
    await first;
    await turn();
    expect(runs.map((r) => r.items)).toEqual([[1], [2, 3, 4]]);
    runs[1].finish();
    await turn();
    await turn();
    expect(runs.map((r) => r.items)).toEqual([[1], [2, 3, 4], [5, 6]]);
    runs[2].finish();
    await expect(Promise.all(later)).resolves.toEqual([20, 30, 40, 50, 60]);
  });

  it('keeps up to maxInFlight runs going at once', async () => {
    const { runs, run } = controlledRuns();
    const group = new GroupCommit(run, { maxBatch: 2, maxInFlight: 2 });
    const all = [1, 2, 3, 4, 5].map((n) => group.submit(n));
    await turn();
    expect(runs.map((r) => r.items)).toEqual([
      [1, 2],
      [3, 4],
    ]);
    runs[1].finish();
    await turn();
    await turn();
    expect(runs.map((r) => r.items)).toEqual([[1, 2], [3, 4], [5]]);
    runs[0].finish();
    runs[2].finish();
    await expect(Promise.all(all)).resolves.toEqual([10, 20, 30, 40, 50]);
  });

  it('fails only the items a run says failed, and every item of a run that throws', async () => {
    const failing = new GroupCommit<number, number>(
      async (items) => {
        if (items.includes(99)) throw new Error('database down');
        return items.map((i) => (i % 2 === 0 ? ok(i) : { ok: false, error: new Error(`odd ${i}`) }));
      },
      { maxBatch: 10, maxInFlight: 1 },
    );
    const [two, three] = [failing.submit(2), failing.submit(3)];
    await expect(two).resolves.toBe(2);
    await expect(three).rejects.toThrow('odd 3');
    const together = [failing.submit(4), failing.submit(99)];
    await expect(together[0]).rejects.toThrow('database down');
    await expect(together[1]).rejects.toThrow('database down');
  });

  it('rejects every item when a run answers for the wrong number of items', async () => {
    const broken = new GroupCommit<number, number>(async () => [ok(1)], { maxBatch: 10, maxInFlight: 1 });
    const all = [broken.submit(1), broken.submit(2)];
    await expect(all[0]).rejects.toThrow(/2 items/);
    await expect(all[1]).rejects.toThrow(/2 items/);
  });
});

describe('writeTogetherOrAlone', () => {
  const shared = (error: unknown) => (error as Error).message === 'database down';
  const writer = (failOn: (part: number[]) => string | null) => {
    const parts: number[][] = [];
    const write = async (part: number[]) => {
      parts.push(part);
      const failure = failOn(part);
      if (failure) throw new Error(failure);
      return part.map((n) => n * 10);
    };
    return { parts, write };
  };

  it('writes the whole group in one go when it can', async () => {
    const { parts, write } = writer(() => null);
    expect(await writeTogetherOrAlone([1, 2, 3], write, shared)).toEqual([ok(10), ok(20), ok(30)]);
    expect(parts).toEqual([[1, 2, 3]]);
  });

  it('writes each member alone after a failure that may be one member’s, failing only the guilty one', async () => {
    const { parts, write } = writer((part) => (part.includes(2) ? 'bad row' : null));
    const outcomes = await writeTogetherOrAlone([1, 2, 3], write, shared);
    expect(outcomes.map((o) => o.ok)).toEqual([true, false, true]);
    expect(outcomes[1]).toMatchObject({ ok: false, error: expect.objectContaining({ message: 'bad row' }) });
    expect(parts).toEqual([[1, 2, 3], [1], [2], [3]]);
  });

  it('fails every member at once when the failure is shared (no retries one by one)', async () => {
    const { parts, write } = writer(() => 'database down');
    const outcomes = await writeTogetherOrAlone([1, 2], write, shared);
    expect(outcomes.every((o) => !o.ok)).toBe(true);
    expect(parts).toEqual([[1, 2]]);
  });

  it('writes nothing for an empty group', async () => {
    const { parts, write } = writer(() => null);
    expect(await writeTogetherOrAlone([], write, shared)).toEqual([]);
    expect(parts).toEqual([]);
  });
});
