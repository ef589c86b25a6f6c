import type { EntityManager } from '@mikro-orm/postgresql';
import type { AppConfig } from '../../../config/app-config';
import type { Outbox } from '../../../platform/outbox/outbox.service';
import { OverdueScheduler } from './overdue-scheduler.service';
import type { TicketSnapshots } from './ticket-snapshots.service';

/** A scheduler whose batches claim `sizes` in turn (batch size 2), with a budget of `rate` tickets per second. */
function scheduler(rate: number, sizes: number[]) {
  const config = {
    DUE_SCHEDULER: true,
    DUE_SCHEDULER_INTERVAL_MS: 60_000,
    DUE_SCHEDULER_BATCH: 2,
    DUE_SCHEDULER_RATE: rate,
  } as AppConfig;
  const s = new OverdueScheduler({} as EntityManager, config, {} as Outbox, {} as TicketSnapshots);
  const publishBatch = jest.spyOn(s, 'publishBatch').mockImplementation(() => Promise.resolve(sizes.shift() ?? 0));
  s.onApplicationBootstrap();
  return { s, publishBatch };
}

/** Lets the scheduler's awaited promises settle (no timer runs). */
const settle = async () => {
  for (let i = 0; i < 10; i++) await Promise.resolve();
};

describe('OverdueScheduler pacing', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('claims the next full batch only when the budget allows it', async () => {
    // 4 tickets a second: a batch of 2 has half a second.
    const { s, publishBatch } = scheduler(4, [2, 2, 1]);
    const tick = s.tick();
    await settle();
    expect(publishBatch).toHaveBeenCalledTimes(1);
    await jest.advanceTimersByTimeAsync(499);
    expect(publishBatch).toHaveBeenCalledTimes(1);
    await jest.advanceTimersByTimeAsync(1);
    expect(publishBatch).toHaveBeenCalledTimes(2);
    await jest.advanceTimersByTimeAsync(500);
    await tick;
    // The short third batch ends the tick: no fourth claim.
    expect(publishBatch).toHaveBeenCalledTimes(3);
    await s.beforeApplicationShutdown();
  });

  it('drains without pausing when the budget is 0', async () => {
    const { s, publishBatch } = scheduler(0, [2, 2, 2, 0]);
    await s.tick();
    expect(publishBatch).toHaveBeenCalledTimes(4);
    await s.beforeApplicationShutdown();
  });

  it('ends a pause at shutdown and claims nothing more', async () => {
    const { s, publishBatch } = scheduler(1, [2, 2, 2]);
    const tick = s.tick();
    await settle();
    expect(publishBatch).toHaveBeenCalledTimes(1);
    await s.beforeApplicationShutdown();
    await tick;
    expect(publishBatch).toHaveBeenCalledTimes(1);
  });
});
