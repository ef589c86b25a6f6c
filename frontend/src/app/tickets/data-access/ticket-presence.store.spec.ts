import { DOCUMENT, Injector, signal } from '@angular/core';
import { SessionStore } from '../../core/auth/session.store';
import { LiveEvents } from '../../core/live/live-events.service';
import { FakeLiveEvents } from '../../core/live/live-events.testing';
import { PRESENCE_HEARTBEAT_MS, TicketPresenceStore } from './ticket-presence.store';

const reportTicketPresence = jest.fn();
jest.mock('@bw/sdk', () => ({
  ...jest.requireActual<object>('@bw/sdk'),
  reportTicketPresence: (...args: unknown[]) => reportTicketPresence(...args),
}));

const me = { id: 'u-me', username: 'me' };
const alex = { id: 'u-alex', username: 'alex' };
const sam = { id: 'u-sam', username: 'sam' };

function setup() {
  const live = new FakeLiveEvents();
  const listeners = new Map<string, () => void>();
  const view = {
    addEventListener: (type: string, listener: () => void) => listeners.set(type, listener),
    removeEventListener: (type: string) => listeners.delete(type),
  };
  reportTicketPresence.mockReset();
  reportTicketPresence.mockResolvedValue({ response: { ok: true, status: 204 } });
  const injector = Injector.create({
    providers: [
      { provide: LiveEvents, useValue: live },
      { provide: SessionStore, useValue: { user: signal(me), isLoggedIn: signal(true) } },
      { provide: DOCUMENT, useValue: { defaultView: view } },
      { provide: TicketPresenceStore, useFactory: () => new TicketPresenceStore() },
    ],
  });
  const reports = () => reportTicketPresence.mock.calls.map(([options]) => `${options.path.id}:${options.body.state}`);
  return {
    live,
    listeners,
    store: injector.get(TicketPresenceStore),
    reports,
    destroy: () => (injector as unknown as { destroy(): void }).destroy(),
  };
}

describe('TicketPresenceStore', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('reports viewing on open and every 25 s, editing while the dialog is open, and left on leaving', () => {
    const { store, reports, destroy } = setup();
    store.enter('t1');
    store.enter('t1');
    expect(reports()).toEqual(['t1:viewing']);
    jest.advanceTimersByTime(PRESENCE_HEARTBEAT_MS * 2);
    expect(reports()).toEqual(['t1:viewing', 't1:viewing', 't1:viewing']);
    store.editing(true);
    jest.advanceTimersByTime(PRESENCE_HEARTBEAT_MS);
    store.editing(false);
    expect(reports().slice(3)).toEqual(['t1:editing', 't1:editing', 't1:viewing']);
    store.enter('t2');
    expect(reports().slice(6)).toEqual(['t1:left', 't2:viewing']);
    destroy();
    expect(reports().slice(8)).toEqual(['t2:left']);
    expect(reportTicketPresence.mock.calls.at(-1)?.[0].keepalive).toBe(true);
    jest.advanceTimersByTime(PRESENCE_HEARTBEAT_MS * 2);
    expect(reports()).toHaveLength(9);
  });

  it('shows who else is here, as the stream said, also from before the page opened', () => {
    const { live, store, reports } = setup();
    live.report({ ticketId: 't1', user: alex, state: 'viewing' });
    store.enter('t1');
    live.report({ ticketId: 't2', user: sam, state: 'viewing' });
    live.report({ ticketId: 't1', user: sam, state: 'editing' });
    expect(store.sentence()).toBe('sam is editing · alex is viewing');
    live.report({ ticketId: 't1', user: sam, state: 'left' });
    expect(store.sentence()).toBe('alex is viewing');
    expect(reports()).toEqual(['t1:viewing']);
    store.leave();
    expect(store.others()).toEqual([]);
  });

  it('says left when the tab closes', () => {
    const { store, listeners, reports } = setup();
    store.enter('t1');
    listeners.get('pagehide')?.();
    expect(reports()).toEqual(['t1:viewing', 't1:left']);
  });
});
