import type { Pool } from 'pg';
import type { AppConfig } from '../../config/app-config';
import type { DatabasePools } from '../database/pools';
import type { PgListenerHandlers } from '../database/pg-listener';
import { LiveHub } from './live-hub.service';
import type { LiveViews } from './live-views';

/**
 * When the hub reads the log, not what it reads (the statements run against PostgreSQL in
 * backend-e2e/src/live-tail.spec.ts): a pool that answers each statement of the tail with an empty
 * log, counting the tail's reads, and a listener whose NOTIFYs the test sends.
 */
function hub(intervalMs: number) {
  const reads: number[] = [];
  let notify: PgListenerHandlers['notification'] = () => undefined;
  const pool = {
    query: async (text: string) => {
      if (text.includes(' as tx')) return { rows: [{ tx: '100' }], rowCount: 1 };
      if (text.includes(' as held')) return { rows: [{ held: false }], rowCount: 1 };
      reads.push(Date.now());
      return { rows: [], rowCount: 0 };
    },
    end: async () => undefined,
  };
  const pools = {
    open: () => pool as unknown as Pool,
    listen: async (_channel: string, handlers: PgListenerHandlers) => {
      notify = handlers.notification;
      return () => undefined;
    },
  } as unknown as DatabasePools;
  const config = { LIVE_POLL_MS: 600_000, LIVE_HEARTBEAT_MS: 600_000, LIVE_TAIL_INTERVAL_MS: intervalMs } as AppConfig;
  const live = new LiveHub(config, pools, {} as LiveViews);
  return { live, reads, notify: () => notify('other-instance') };
}

describe('LiveHub tail reads', () => {
  beforeEach(() => jest.useFakeTimers({ now: 0 }));
  afterEach(() => jest.useRealTimers());

  it('serves a burst of NOTIFYs with one read now and one when the interval has passed', async () => {
    const { live, reads, notify } = hub(20);
    await live.onApplicationBootstrap();
    for (let n = 0; n < 50; n++) {
      notify();
      await jest.advanceTimersByTimeAsync(0);
    }
    expect(reads).toEqual([0]);
    await jest.advanceTimersByTimeAsync(19);
    expect(reads).toEqual([0]);
    await jest.advanceTimersByTimeAsync(1);
    expect(reads).toEqual([0, 20]);
    await jest.advanceTimersByTimeAsync(1000);
    expect(reads).toEqual([0, 20]);
    await live.onApplicationShutdown();
  });

  it('reads at once after a NOTIFY when the last read is older than the interval', async () => {
    const { live, reads, notify } = hub(20);
    await live.onApplicationBootstrap();
    notify();
    await jest.advanceTimersByTimeAsync(100);
    notify();
    await jest.advanceTimersByTimeAsync(0);
    expect(reads).toEqual([0, 100]);
    await live.onApplicationShutdown();
  });

  it('reads after every NOTIFY with an interval of 0', async () => {
    const { live, reads, notify } = hub(0);
    await live.onApplicationBootstrap();
    for (let n = 0; n < 5; n++) {
      notify();
      await jest.advanceTimersByTimeAsync(0);
    }
    expect(reads).toHaveLength(5);
    await live.onApplicationShutdown();
  });
});
