import { Logger } from '@nestjs/common';
import type { ModuleRef } from '@nestjs/core';
import { AppConfig } from '../../config/app-config';
import { DatabasePools, poolSizes } from './pools';

describe('poolSizes', () => {
  it('sums every connection an instance may open, at the defaults', () => {
    expect(poolSizes(new AppConfig())).toEqual({
      orm: 16,
      read: 8,
      session: 5,
      outbox: 5,
      notify: 1,
      idempotency: 4,
      live: 2,
      listeners: 1,
      total: 42,
    });
  });

  it('counts no dispatcher pool without OUTBOX_DISPATCH, and one shared LISTEN connection', () => {
    const sizes = poolSizes(
      Object.assign(new AppConfig(), {
        OUTBOX_DISPATCH: false,
        DB_POOL_MAX: 4,
        DB_READ_POOL_MAX: 2,
        SESSION_POOL_MAX: 1,
      }),
    );
    expect(sizes).toEqual({
      orm: 4,
      read: 2,
      session: 1,
      outbox: 0,
      notify: 1,
      idempotency: 4,
      live: 2,
      listeners: 1,
      total: 15,
    });
  });
});

describe('DatabasePools.stats', () => {
  it("shows every pool's size and open, idle, busy and waiting connections; a pool not opened shows zeros", async () => {
    // Nothing listens on port 1: the pool connects lazily, and the statement waits and then fails.
    const config = Object.assign(new AppConfig(), { DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none' });
    const pools = new DatabasePools(config, { get: () => undefined } as unknown as ModuleRef);
    const read = pools.open('read', new Logger('test'));
    try {
      const zeros = { total: 0, idle: 0, inUse: 0, waiting: 0 };
      expect(pools.stats()).toEqual({
        orm: { max: 16, ...zeros },
        read: { max: 8, ...zeros },
        session: { max: 5, ...zeros },
        outbox: { max: 5, ...zeros },
        notify: { max: 1, ...zeros },
        idempotency: { max: 4, ...zeros },
        live: { max: 2, ...zeros },
      });
      const failing = read.query('select 1').catch(() => undefined);
      expect(pools.stats().read).toEqual({ max: 8, total: 1, idle: 0, inUse: 1, waiting: 0 });
      await failing;
      expect(pools.stats().read).toEqual({ max: 8, ...zeros });
    } finally {
      await read.end();
    }
  });
});
