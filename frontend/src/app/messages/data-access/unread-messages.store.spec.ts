import { Injector, signal, ɵChangeDetectionScheduler, ɵEffectScheduler, ɵINJECTOR_SCOPE } from '@angular/core';
import { SessionStore } from '../../core/auth/session.store';
import { LiveEvents } from '../../core/live/live-events.service';
import { FakeLiveEvents } from '../../core/live/live-events.testing';
import { UnreadMessagesStore } from './unread-messages.store';

const countUnreadMessages = jest.fn();
jest.mock('@bw/sdk', () => ({
  ...jest.requireActual<object>('@bw/sdk'),
  countUnreadMessages: () => countUnreadMessages(),
}));

const flushed = () => new Promise((resolve) => setTimeout(resolve, 0));

/** The store in a root injector of its own, whose effects the test runs (see live-events.service.spec.ts). */
function setup() {
  const user = signal<{ id: string } | null>(null);
  const live = new FakeLiveEvents();
  let count = 0;
  countUnreadMessages.mockReset().mockImplementation(async () => ({
    data: { count },
    response: { ok: true, status: 200 },
  }));
  const injector = Injector.create({
    providers: [
      { provide: ɵINJECTOR_SCOPE, useValue: 'root' },
      { provide: ɵChangeDetectionScheduler, useValue: { notify: () => undefined, runningTick: false } },
      { provide: SessionStore, useValue: { user, isLoggedIn: () => user() !== null } },
      { provide: LiveEvents, useValue: live },
      { provide: UnreadMessagesStore, useFactory: () => new UnreadMessagesStore() },
    ],
  });
  const store = injector.get(UnreadMessagesStore);
  const settle = async () => {
    injector.get(ɵEffectScheduler).flush();
    await flushed();
  };
  return { store, live, user, settle, setCount: (n: number) => (count = n) };
}

describe('UnreadMessagesStore', () => {
  it('asks at sign-in and again when a message is sent or read, with no poll; 0 when signed out', async () => {
    const t = setup();
    await t.settle();
    expect(countUnreadMessages).not.toHaveBeenCalled();
    t.setCount(2);
    t.user.set({ id: 'u1' });
    await t.settle();
    expect(t.store.count()).toBe(2);
    t.setCount(3);
    t.live.emit('message.created', { message: undefined });
    await t.settle();
    expect(t.store.count()).toBe(3);
    t.setCount(1);
    t.live.emit('message.read', {});
    t.live.emit('ticket.updated', {});
    await t.settle();
    expect(t.store.count()).toBe(1);
    expect(countUnreadMessages).toHaveBeenCalledTimes(3);
    t.user.set(null);
    await t.settle();
    expect(t.store.count()).toBe(0);
  });
});
