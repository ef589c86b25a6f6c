import { Poller } from './poller';

describe('Poller', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('ticks at once, then every interval, until stopped', () => {
    const tick = jest.fn();
    const poller = new Poller(tick, 30_000);
    poller.start();
    expect(tick).toHaveBeenCalledTimes(1);
    jest.advanceTimersByTime(60_000);
    expect(tick).toHaveBeenCalledTimes(3);
    poller.stop();
    jest.advanceTimersByTime(60_000);
    expect(tick).toHaveBeenCalledTimes(3);
    expect(poller.running).toBe(false);
  });

  it('does not start twice', () => {
    const tick = jest.fn();
    const poller = new Poller(tick, 1_000);
    poller.start();
    poller.start();
    jest.advanceTimersByTime(1_000);
    expect(tick).toHaveBeenCalledTimes(2);
    poller.stop();
  });

  it('skips ticks while the page is hidden and catches up when it shows again', () => {
    const tick = jest.fn();
    let hidden = false;
    const listeners = new Map<string, () => void>();
    const doc = {
      addEventListener: (type: string, listener: () => void) => listeners.set(type, listener),
      removeEventListener: (type: string) => listeners.delete(type),
    } as unknown as Pick<Document, 'addEventListener' | 'removeEventListener'>;
    const poller = new Poller(tick, 1_000, () => hidden, doc);
    poller.start();
    hidden = true;
    jest.advanceTimersByTime(3_000);
    expect(tick).toHaveBeenCalledTimes(1);
    hidden = false;
    listeners.get('visibilitychange')?.();
    expect(tick).toHaveBeenCalledTimes(2);
    poller.stop();
    expect(listeners.size).toBe(0);
  });
});
