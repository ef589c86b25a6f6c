import {
  LIVE_EVENT_NAMES,
  type LiveEvent,
  type LiveEventData,
  type LiveEventName,
  PRESENCE_STATES,
  type PresenceEvent,
} from './live-event.types';

/**
 * `off`: not signed in. `connecting`: the first connection is being made. `connected`: events
 * flow. `reconnecting`: the connection dropped and is being made again (the browser resends
 * `Last-Event-ID`, so nothing is missed meanwhile).
 */
export type LiveState = 'off' | 'connecting' | 'connected' | 'reconnecting';

/** The part of the browser's `EventSource` the stream uses. */
export interface EventSourceLike {
  readonly readyState: number;
  onopen: ((event: Event) => void) | null;
  onerror: ((event: Event) => void) | null;
  addEventListener(type: string, listener: (event: MessageEvent<string>) => void): void;
  close(): void;
}

export type EventSourceFactory = (url: string) => EventSourceLike;

export interface LiveStreamHandlers {
  event(event: LiveEvent): void;
  /** A presence event, and who is present now, by `ticketId:userId` (as this connection has said). */
  presence(event: PresenceEvent, everyone: ReadonlyMap<string, PresenceEvent>): void;
  /** Reload everything: the server said `reset`, or the stream had to start again from now. */
  reset(): void;
  state(state: LiveState): void;
}

export interface LiveStreamTimers {
  setTimeout(run: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

const CLOSED = 2;
/** Waits before opening a new stream after the browser gave up on one (then the last, again and again). */
export const RECONNECT_DELAYS_MS: readonly number[] = [1_000, 2_000, 5_000, 10_000, 30_000];

/**
 * One `text/event-stream` connection, framework-free. The browser's EventSource reconnects by
 * itself after a dropped connection and resends `Last-Event-ID`, so the server replays what was
 * missed. When it gives up instead (an error status such as 502 while the API restarts), a new
 * EventSource is opened after a backoff; that one starts from "now", so once it is open the
 * handlers are told to reload everything, exactly as after the server's `event: reset`.
 */
export class LiveStream {
  private source: EventSourceLike | null = null;
  private retry: unknown = null;
  private attempts = 0;
  private resyncOnOpen = false;
  /** An event id has arrived on this stream (so the browser can resume after it). */
  private resumable = false;
  /** Presence is not replayed: each connection starts with whoever is present now, so it is kept per connection. */
  private present: ReadonlyMap<string, PresenceEvent> = new Map();

  constructor(
    private readonly url: string,
    private readonly factory: EventSourceFactory,
    private readonly handlers: LiveStreamHandlers,
    private readonly timers: LiveStreamTimers = {
      setTimeout: (run, ms) => globalThis.setTimeout(run, ms),
      clearTimeout: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof setTimeout>),
    },
    private readonly delays: readonly number[] = RECONNECT_DELAYS_MS,
  ) {}

  get open(): boolean {
    return this.source !== null || this.retry !== null;
  }

  /** Connects, unless connected or about to reconnect already. */
  start(): void {
    if (this.open) return;
    this.attempts = 0;
    this.resyncOnOpen = false;
    this.resumable = false;
    this.handlers.state('connecting');
    this.connect();
  }

  /** Closes the connection and stops reconnecting (logout). */
  stop(): void {
    if (this.retry !== null) this.timers.clearTimeout(this.retry);
    this.retry = null;
    this.detach();
    this.handlers.state('off');
  }

  private connect(): void {
    const source = this.factory(this.url);
    this.source = source;
    source.onopen = () => {
      if (this.source !== source) return;
      this.attempts = 0;
      this.present = new Map();
      this.handlers.state('connected');
      if (this.resyncOnOpen) {
        this.resyncOnOpen = false;
        this.handlers.reset();
      }
    };
    source.onerror = () => {
      if (this.source !== source) return;
      // Without an id to resume after, the browser's reconnect starts from now: what was missed is reloaded.
      if (!this.resumable) this.resyncOnOpen = true;
      this.handlers.state('reconnecting');
      if (source.readyState === CLOSED) this.scheduleReconnect();
    };
    const current = () => this.source === source;
    for (const name of LIVE_EVENT_NAMES) {
      source.addEventListener(name, (message) => {
        if (current()) this.dispatch(name, message);
      });
    }
    source.addEventListener('presence', (message) => {
      const presence = current() ? parsePresence(message.data) : null;
      if (!presence) return;
      const next = new Map(this.present);
      const key = `${presence.ticketId}:${presence.user.id}`;
      if (presence.state === 'left') next.delete(key);
      else next.set(key, presence);
      this.present = next;
      this.handlers.presence(presence, next);
    });
    source.addEventListener('reset', () => {
      if (current()) this.handlers.reset();
    });
  }

  private dispatch(name: LiveEventName, message: MessageEvent<string>): void {
    const data = parseData(message.data);
    if (message.lastEventId) this.resumable = true;
    if (data) this.handlers.event({ id: message.lastEventId, name, data });
  }

  private scheduleReconnect(): void {
    this.detach();
    const delay = this.delays[Math.min(this.attempts, this.delays.length - 1)];
    this.attempts++;
    this.resyncOnOpen = true;
    this.resumable = false;
    this.retry = this.timers.setTimeout(() => {
      this.retry = null;
      this.connect();
    }, delay);
  }

  private detach(): void {
    const source = this.source;
    this.source = null;
    if (source) {
      source.onopen = null;
      source.onerror = null;
      source.close();
    }
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** An event's `data`, or `null` when it is not the contract's shape (the event is then ignored). */
export function parseData(text: string): LiveEventData | null {
  const data = parseJson(text);
  if (!isRecord(data) || typeof data['at'] !== 'string') return null;
  const actor = data['actor'];
  if (actor !== null && actor !== undefined && !isRecord(actor)) return null;
  return { ...data, actor: (actor ?? null) as LiveEventData['actor'] } as LiveEventData;
}

export function parsePresence(text: string): PresenceEvent | null {
  const data = parseJson(text);
  if (!isRecord(data) || typeof data['ticketId'] !== 'string' || !isRecord(data['user'])) return null;
  const state = PRESENCE_STATES.find((s) => s === data['state']);
  const user = data['user'];
  if (!state || typeof user['id'] !== 'string' || typeof user['username'] !== 'string') return null;
  return { ticketId: data['ticketId'], user: { id: user['id'], username: user['username'] }, state };
}
