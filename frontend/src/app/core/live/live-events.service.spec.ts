import { Injector, signal, ɵChangeDetectionScheduler, ɵEffectScheduler, ɵINJECTOR_SCOPE } from '@angular/core';
import { SessionStore } from '../auth/session.store';
import type { LiveEvent } from './live-event.types';
import { EVENT_SOURCE_FACTORY, LiveEvents } from './live-events.service';
import type { EventSourceLike } from './live-stream';

class FakeSource implements EventSourceLike {
  readyState = 0;
  onopen: ((event: Event) => void) | null = null;
  onerror: ((event: Event) => void) | null = null;
  closed = false;
  private readonly listeners = new Map<string, (event: MessageEvent<string>) => void>();
  addEventListener(type: string, listener: (event: MessageEvent<string>) => void): void {
    this.listeners.set(type, listener);
  }
  close(): void {
    this.closed = true;
  }
  opened(): void {
    this.readyState = 1;
    this.onopen?.({} as Event);
  }
  emit(type: string, data: unknown, id = ''): void {
    this.listeners.get(type)?.({ data: JSON.stringify(data), lastEventId: id } as MessageEvent<string>);
  }
}

const flushed = () => new Promise((resolve) => setTimeout(resolve, 0));

/**
 * LiveEvents in a root injector of its own. Its effect (follow the signed-in user) needs the
 * effect scheduler, which Angular provides in a root-scoped injector with a change detection
 * scheduler; the test runs the effects itself with `flush()`.
 */
async function setup() {
  const user = signal<{ id: string } | null>(null);
  const sources: FakeSource[] = [];
  const injector = Injector.create({
    providers: [
      { provide: ɵINJECTOR_SCOPE, useValue: 'root' },
      { provide: ɵChangeDetectionScheduler, useValue: { notify: () => undefined, runningTick: false } },
      { provide: SessionStore, useValue: { user } },
      {
        provide: EVENT_SOURCE_FACTORY,
        useValue: () => {
          const source = new FakeSource();
          sources.push(source);
          return source;
        },
      },
      { provide: LiveEvents, useFactory: () => new LiveEvents() },
    ],
  });
  const live = injector.get(LiveEvents);
  const signIn = async (id: string | null) => {
    user.set(id === null ? null : { id });
    injector.get(ɵEffectScheduler).flush();
    await flushed();
  };
  return { live, sources, signIn };
}

const alex = { id: 'u-alex', username: 'alex' };

describe('LiveEvents', () => {
  it('opens one stream at sign-in, closes it at logout, and opens a new one for another user', async () => {
    const { live, sources, signIn } = await setup();
    await signIn(null);
    expect(sources).toHaveLength(0);
    await signIn('u1');
    expect(sources).toHaveLength(1);
    expect(live.state()).toBe('connecting');
    sources[0].opened();
    expect(live.state()).toBe('connected');
    await signIn(null);
    expect(sources[0].closed).toBe(true);
    expect(live.state()).toBe('off');
    await signIn('u2');
    expect(sources).toHaveLength(2);
  });

  it('hands events to the subscribers of their names and of their ticket', async () => {
    const { live, sources, signIn } = await setup();
    await signIn('u1');
    const byName: LiveEvent[] = [];
    const byTicket: LiveEvent[] = [];
    live.on('comment.created').subscribe((e) => byName.push(e));
    live.aboutTicket('t1').subscribe((e) => byTicket.push(e));
    sources[0].emit('comment.created', { ticketId: 't1', actor: alex, at: 'x' }, '1');
    sources[0].emit('ticket.updated', { ticketId: 't2', actor: alex, at: 'x' }, '2');
    sources[0].emit('ticket.deleted', { ticketId: 't1', actor: alex, at: 'x' }, '3');
    expect(byName.map((e) => e.id)).toEqual(['1']);
    expect(byTicket.map((e) => e.id)).toEqual(['1', '3']);
  });

  it('keeps who is present from the start of each connection, and forgets it on a new one', async () => {
    const { live, sources, signIn } = await setup();
    await signIn('u1');
    sources[0].opened();
    sources[0].emit('presence', { ticketId: 't1', user: alex, state: 'viewing' });
    sources[0].emit('presence', { ticketId: 't2', user: alex, state: 'editing' });
    sources[0].emit('presence', { ticketId: 't2', user: alex, state: 'left' });
    expect([...live.presence().values()]).toEqual([{ ticketId: 't1', user: alex, state: 'viewing' }]);
    sources[0].readyState = 0;
    sources[0].onerror?.({} as Event);
    expect(live.state()).toBe('reconnecting');
    expect(live.presence().size).toBe(1);
    sources[0].opened();
    expect(live.presence().size).toBe(0);
  });
});
