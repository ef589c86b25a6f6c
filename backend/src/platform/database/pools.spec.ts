import { AppConfig } from '../../config/app-config';
import { poolSizes } from './pools';

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
