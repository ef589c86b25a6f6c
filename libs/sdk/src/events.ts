import { createParser, type EventSourceMessage } from 'eventsource-parser';
import { defaultBaseUrl, type TokenSource } from './client.js';
import { LIVE_EVENT_NAMES, type LiveEvent } from './event-types.js';
import { ApiError, toProblem } from './problem.js';

/** Why a stream is about to reconnect (passed to `onRetry`). */
export interface LiveRetry {
  /** Consecutive failed attempts, 1 for the first retry after a connection was lost. */
  attempt: number;
  /** The wait before the next attempt. */
  delayMs: number;
  /** `ended`: the server closed the stream; `idle`: nothing arrived for `idleTimeoutMs`; `status`: a 429 or 5xx; `network`: fetch failed. */
  reason: 'ended' | 'idle' | 'status' | 'network';
  /** The HTTP status, for `status`. */
  status?: number;
  /** The error, for `network` and `idle`. */
  error?: unknown;
  /** What the next attempt sends as `Last-Event-ID`. */
  lastEventId: string | undefined;
}

export interface LiveEventsOptions {
  /** The server's origin. Default: `BW_URL` in Node, else `http://localhost:3000`. */
  baseUrl?: string;
  /** Sent as `Authorization: Bearer <token>`; a function is called before every connection. Without it (a browser), the session cookie is used. */
  token?: TokenSource;
  /** Resume after this event: the first request sends it as `Last-Event-ID`. */
  lastEventId?: string;
  /** Aborting ends the stream: the iteration finishes (it does not throw) and the connection closes. */
  signal?: AbortSignal;
  /** Reconnect backoff: the first wait is the server's `retry:` (else `initialDelayMs`, default 1000), doubling per failed attempt up to `maxDelayMs` (default 30000), with jitter. After `maxAttempts` failed attempts in a row (default: never) the last error is thrown. */
  retry?: { initialDelayMs?: number; maxDelayMs?: number; maxAttempts?: number };
  /** Reconnect when nothing (not even the server's 15-second comment) arrived for this long. Default 45000; 0 never. */
  idleTimeoutMs?: number;
  /** Called when a connection opens (status 200). */
  onOpen?: (response: Response) => void;
  /** Called before every wait to reconnect; a function that throws ends the stream with its error. */
  onRetry?: (retry: LiveRetry) => void;
  /** Extra request headers. */
  headers?: Record<string, string>;
  /** The fetch's credentials mode (a browser on another origin with a cookie session: `include`). */
  credentials?: RequestInit['credentials'];
  /** A fetch implementation (default: the global one). */
  fetch?: typeof fetch;
}

/** A live stream of events: iterate it with `for await`. It connects on the first `next()`. */
export interface LiveEventStream extends AsyncIterable<LiveEvent> {
  /** The id of the last logged event received: what a reconnect sends as `Last-Event-ID`. */
  readonly lastEventId: string | undefined;
  /** Ends the stream: the iteration finishes and the connection closes. */
  close(): void;
}

/** Why a connection ended, when it is worth another. */
type Lost = Omit<LiveRetry, 'attempt' | 'delayMs' | 'lastEventId'> & { retryAfterMs?: number };

const RETRY_STATUSES = new Set([408, 429, 500, 502, 503, 504]);

/**
 * Follows `GET /api/events`: yields each event as it arrives, typed by its name; reconnects with
 * backoff when the connection is lost, sending the last id seen as `Last-Event-ID`, so nothing is
 * missed or repeated; passes `reset` through (reload everything, then keep reading). A `401` or
 * `403` (or any other 4xx) throws {@link ApiError} without retrying. Unknown event names and
 * events whose data is not JSON are skipped.
 *
 * With `onEvent`, it runs by itself instead: the promise resolves when `signal` aborts and
 * rejects as the iteration would throw; `onEvent` may return a promise, which is awaited.
 */
export function liveEvents(
  options: LiveEventsOptions & { onEvent: (event: LiveEvent) => void | Promise<void> },
): Promise<void>;
export function liveEvents(options?: LiveEventsOptions): LiveEventStream;
export function liveEvents(
  options: LiveEventsOptions & { onEvent?: (event: LiveEvent) => void | Promise<void> } = {},
): LiveEventStream | Promise<void> {
  const stream = new Stream(options);
  const onEvent = options.onEvent;
  if (!onEvent) return stream;
  return (async () => {
    for await (const event of stream) await onEvent(event);
  })();
}

class Stream implements LiveEventStream {
  private readonly stop = new AbortController();
  private id: string | undefined;
  private started = false;
  private serverRetryMs: number | undefined;

  constructor(private readonly options: LiveEventsOptions) {
    this.id = options.lastEventId || undefined;
  }

  get lastEventId(): string | undefined {
    return this.id;
  }

  close(): void {
    this.stop.abort();
  }

  [Symbol.asyncIterator](): AsyncIterator<LiveEvent> {
    if (this.started) throw new TypeError('A live event stream can be iterated only once.');
    this.started = true;
    return this.run();
  }

  private async *run(): AsyncGenerator<LiveEvent, void, undefined> {
    const { signal, retry = {} } = this.options;
    const stop = () => this.stop.abort();
    if (signal?.aborted) return;
    signal?.addEventListener('abort', stop, { once: true });
    let failures = 0;
    try {
      while (!this.stop.signal.aborted) {
        const connection = new AbortController();
        const cut = () => connection.abort();
        this.stop.signal.addEventListener('abort', cut, { once: true });
        let lost: Lost;
        try {
          const opened = await this.open(connection.signal);
          if (opened === 'stop') return;
          if ('reason' in opened) lost = opened;
          else {
            failures = 0;
            this.options.onOpen?.(opened);
            lost = yield* this.read(opened, connection);
          }
        } finally {
          this.stop.signal.removeEventListener('abort', cut);
          connection.abort();
        }
        if (this.stop.signal.aborted) return;
        failures += 1;
        if (retry.maxAttempts !== undefined && failures > retry.maxAttempts) {
          if (lost.reason === 'network' && lost.error) throw lost.error;
          throw new Error(`GET /api/events: gave up after ${retry.maxAttempts} attempts (${lost.reason})`);
        }
        const base = this.serverRetryMs ?? retry.initialDelayMs ?? 1000;
        const backoff = Math.min(retry.maxDelayMs ?? 30_000, base * 2 ** (failures - 1));
        const delayMs = Math.max(lost.retryAfterMs ?? 0, Math.round(backoff * (0.5 + Math.random() / 2)));
        const { retryAfterMs: _, ...why } = lost;
        this.options.onRetry?.({ ...why, attempt: failures, delayMs, lastEventId: this.id });
        await sleep(delayMs, this.stop.signal);
      }
    } finally {
      signal?.removeEventListener('abort', stop);
      this.stop.abort();
    }
  }

  /** One request: the open stream, why it failed in a way worth retrying, or `stop` (aborted, or a 204). Throws what is not worth retrying. */
  private async open(signal: AbortSignal): Promise<Response | Lost | 'stop'> {
    let response: Response;
    try {
      response = await this.connect(signal);
    } catch (error) {
      return this.stop.signal.aborted ? 'stop' : { reason: 'network', error };
    }
    if (response.status === 204) return 'stop'; // the server asks not to reconnect (as EventSource does)
    if (RETRY_STATUSES.has(response.status)) {
      await response.body?.cancel().catch(() => undefined);
      return { reason: 'status', status: response.status, retryAfterMs: retryAfter(response) };
    }
    if (!response.ok) throw new ApiError(toProblem(await readBody(response), response), response);
    const type = response.headers.get('content-type') ?? '';
    if (!/^text\/event-stream\b/i.test(type) || !response.body) {
      await response.body?.cancel().catch(() => undefined);
      throw new Error(`GET /api/events answered ${type || 'no content type'}, not text/event-stream`);
    }
    return response;
  }

  /** Yields the events of one open stream until it ends or fails, and says which. */
  private async *read(response: Response, connection: AbortController): AsyncGenerator<LiveEvent, Lost, undefined> {
    const idleTimeoutMs = this.options.idleTimeoutMs ?? 45_000;
    const queue: EventSourceMessage[] = [];
    const parser = createParser({
      onEvent: (message) => queue.push(message),
      onRetry: (ms) => (this.serverRetryMs = ms),
    });
    const reader = (response.body as ReadableStream<Uint8Array>).getReader();
    const decoder = new TextDecoder();
    try {
      for (;;) {
        // The timer runs only while waiting for the network, not while the caller handles an event.
        const idle = idleTimeoutMs > 0 ? setTimeout(() => connection.abort(), idleTimeoutMs) : undefined;
        let chunk: ReadableStreamReadResult<Uint8Array>;
        try {
          chunk = await reader.read();
        } catch (error) {
          return connection.signal.aborted && !this.stop.signal.aborted
            ? { reason: 'idle', error }
            : { reason: 'network', error };
        } finally {
          clearTimeout(idle);
        }
        if (chunk.done) return { reason: 'ended' };
        parser.feed(decoder.decode(chunk.value, { stream: true }));
        for (const message of queue.splice(0)) {
          if (message.id) this.id = message.id;
          const event = toLiveEvent(message);
          if (event) yield event;
          if (this.stop.signal.aborted) return { reason: 'ended' };
        }
      }
    } finally {
      reader.cancel().catch(() => undefined);
    }
  }

  private async connect(signal: AbortSignal): Promise<Response> {
    const { baseUrl, token, headers, credentials } = this.options;
    const bearer = typeof token === 'function' ? await token() : token;
    const request: Record<string, string> = { ...headers, accept: 'text/event-stream' };
    if (bearer) request['authorization'] = `Bearer ${bearer}`;
    if (this.id) request['last-event-id'] = this.id;
    const url = `${(baseUrl ?? defaultBaseUrl()).replace(/\/+$/, '')}/api/events`;
    return (this.options.fetch ?? fetch)(url, {
      headers: request,
      signal,
      cache: 'no-store',
      ...(credentials ? { credentials } : {}),
    });
  }
}

function toLiveEvent(message: EventSourceMessage): LiveEvent | undefined {
  const name = message.event ?? 'message';
  if (!(LIVE_EVENT_NAMES as readonly string[]).includes(name)) return undefined;
  let data: unknown;
  try {
    data = JSON.parse(message.data);
  } catch {
    return undefined;
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return undefined;
  const unlogged = name === 'presence' || name === 'reset';
  return (unlogged || !message.id ? { event: name, data } : { id: message.id, event: name, data }) as LiveEvent;
}

/** `Retry-After` in milliseconds (seconds or an HTTP date), 0 when absent. */
function retryAfter(response: Response): number {
  const value = response.headers.get('retry-after');
  if (!value) return 0;
  const seconds = Number(value);
  const ms = Number.isFinite(seconds) ? seconds * 1000 : Date.parse(value) - Date.now();
  return Number.isFinite(ms) ? Math.min(Math.max(ms, 0), 300_000) : 0;
}

async function readBody(response: Response): Promise<unknown> {
  const text = await response.text().catch(() => '');
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const done = () => {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done, { once: true });
  });
}
