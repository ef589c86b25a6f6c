import type { LiveEvent, PresenceEvent } from './live-event.types';
import { type EventSourceLike, type LiveState, LiveStream, parseData, parsePresence } from './live-stream';

/** An EventSource the test drives: open, deliver named events, fail. */
class FakeSource implements EventSourceLike {
  readyState = 0;
  onopen: ((event: Event) => void) | null = null;
  onerror: ((event: Event) => void) | null = null;
  closed = false;
  private readonly listeners = new Map<string, ((event: MessageEvent<string>) => void)[]>();

  constructor(readonly url: string) {}

  addEventListener(type: string, listener: (event: MessageEvent<string>) => void): void {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), listener]);
  }
  close(): void {
    this.closed = true;
    this.readyState = 2;
  }
  opened(): void {
    this.readyState = 1;
    this.onopen?.({} as Event);
  }
  emit(type: string, data: unknown, id = ''): void {
    const text = typeof data === 'string' ? data : JSON.stringify(data);
    for (const listener of this.listeners.get(type) ?? []) {
      listener({ data: text, lastEventId: id } as MessageEvent<string>);
    }
  }
  /** The connection dropped; `gaveUp` as the browser does after an error status. */
  fail(gaveUp: boolean): void {
    this.readyState = gaveUp ? 2 : 0;
    this.onerror?.({} as Event);
  }
}

function setup() {
  const sources: FakeSource[] = [];
  const events: LiveEvent[] = [];
  const presences: PresenceEvent[] = [];
  const states: LiveState[] = [];
  let resets = 0;
  const timers: { run: () => void; ms: number }[] = [];
  const stream = new LiveStream(
    '/api/events',
    (url) => {
      const source = new FakeSource(url);
      sources.push(source);
      return source;
    },
    {
      event: (e) => events.push(e),
      presence: (p) => presences.push(p),
      reset: () => resets++,
      state: (s) => states.push(s),
    },
    {
      setTimeout: (run, ms) => timers.push({ run, ms }),
      clearTimeout: () => timers.splice(0),
    },
    [100, 200],
  );
  return { stream, sources, events, presences, states, timers, resets: () => resets };
}

const actor = { id: 'u-alex', username: 'alex' };

describe('LiveStream', () => {
  it('connects once, reports its state, and hands on typed events with their ids', () => {
    const t = setup();
    t.stream.start();
    t.stream.start();
    expect(t.sources).toHaveLength(1);
    expect(t.sources[0].url).toBe('/api/events');
    t.sources[0].opened();
    t.sources[0].emit('ticket.updated', { ticketId: 't1', actor, at: '2026-01-01T00:00:00Z' }, '41');
    t.sources[0].emit('comment.created', { ticketId: 't1', actor: null, at: '2026-01-01T00:00:01Z' }, '42');
    expect(t.states).toEqual(['connecting', 'connected']);
    expect(t.events).toEqual([
      { id: '41', name: 'ticket.updated', data: { ticketId: 't1', actor, at: '2026-01-01T00:00:00Z' } },
      { id: '42', name: 'comment.created', data: { ticketId: 't1', actor: null, at: '2026-01-01T00:00:01Z' } },
    ]);
  });

  it('ignores data that is not the contract shape', () => {
    const t = setup();
    t.stream.start();
    t.sources[0].emit('ticket.updated', 'not json');
    t.sources[0].emit('ticket.updated', { ticketId: 't1' });
    t.sources[0].emit('presence', { ticketId: 't1', user: actor, state: 'dancing' });
    expect(t.events).toEqual([]);
    expect(t.presences).toEqual([]);
  });

  it('passes presence and reset on', () => {
    const t = setup();
    t.stream.start();
    t.sources[0].emit('presence', { ticketId: 't1', user: actor, state: 'editing' });
    t.sources[0].emit('reset', '');
    expect(t.presences).toEqual([{ ticketId: 't1', user: actor, state: 'editing' }]);
    expect(t.resets()).toBe(1);
  });

  it('says "reconnecting" while the browser reconnects by itself, which resumes after the last event id', () => {
    const t = setup();
    t.stream.start();
    t.sources[0].opened();
    t.sources[0].emit('ticket.created', { ticketId: 't1', actor, at: 'x' }, '7');
    t.sources[0].fail(false);
    expect(t.states.at(-1)).toBe('reconnecting');
    expect(t.timers).toHaveLength(0);
    t.sources[0].opened();
    expect(t.states.at(-1)).toBe('connected');
    expect(t.sources).toHaveLength(1);
    expect(t.resets()).toBe(0);
  });

  it('asks for a reload after the browser reconnected with no event id to resume after', () => {
    const t = setup();
    t.stream.start();
    t.sources[0].opened();
    t.sources[0].fail(false);
    t.sources[0].opened();
    expect(t.resets()).toBe(1);
  });

  it('opens a new stream with backoff when the browser gave up, and asks for a reload once it is open', () => {
    const t = setup();
    t.stream.start();
    t.sources[0].opened();
    t.sources[0].fail(true);
    expect(t.sources[0].closed).toBe(true);
    expect(t.timers.map((x) => x.ms)).toEqual([100]);
    t.timers[0].run();
    expect(t.sources).toHaveLength(2);
    t.sources[1].fail(true);
    expect(t.timers.map((x) => x.ms)).toEqual([100, 200]);
    t.timers[1].run();
    t.sources[2].fail(true);
    expect(t.timers.map((x) => x.ms)).toEqual([100, 200, 200]);
    t.timers[2].run();
    expect(t.resets()).toBe(0);
    t.sources[3].opened();
    expect(t.resets()).toBe(1);
    expect(t.states.at(-1)).toBe('connected');
    // Events of a closed source are not delivered.
    t.sources[0].emit('ticket.deleted', { ticketId: 't1', actor, at: 'x' });
    t.sources[0].opened();
    expect(t.events).toEqual([]);
  });

  it('stops: closes the connection and cancels a pending reconnect', () => {
    const t = setup();
    t.stream.start();
    t.sources[0].fail(true);
    expect(t.stream.open).toBe(true);
    t.stream.stop();
    expect(t.timers).toHaveLength(0);
    expect(t.stream.open).toBe(false);
    expect(t.states.at(-1)).toBe('off');
    t.stream.start();
    t.sources[1].opened();
    t.stream.stop();
    expect(t.sources[1].closed).toBe(true);
  });
});

describe('parseData / parsePresence', () => {
  it('accepts the contract shapes', () => {
    expect(parseData(JSON.stringify({ ticketId: 't', at: 'x' }))).toEqual({ ticketId: 't', actor: null, at: 'x' });
    expect(parsePresence(JSON.stringify({ ticketId: 't', user: actor, state: 'left' }))).toEqual({
      ticketId: 't',
      user: actor,
      state: 'left',
    });
    expect(parsePresence(JSON.stringify({ ticketId: 't', user: { id: 1 }, state: 'left' }))).toBeNull();
    expect(parseData('[1]')).toBeNull();
  });
});
