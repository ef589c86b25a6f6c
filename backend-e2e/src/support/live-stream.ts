import { createParser, type EventSourceMessage } from 'eventsource-parser';
import type { ApiSession } from './api-session';

export interface StreamEvent {
  id?: string;
  event: string;
  data: Record<string, unknown>;
}

/**
 * One `GET /api/events` stream read as a client does (fetch + the maintained SSE parser), with
 * the session's cookies or token: every event it received, in order, and a wait for one.
 */
export class LiveStream {
  readonly events: StreamEvent[] = [];
  comments = 0;
  ended = false;
  status = 0;
  private readonly abort = new AbortController();
  private waiters: (() => void)[] = [];

  static async open(session: ApiSession, lastEventId?: string): Promise<LiveStream> {
    const stream = new LiveStream();
    const response = await session.raw('/api/events', {
      headers: lastEventId
        ? { 'last-event-id': lastEventId, accept: 'text/event-stream' }
        : { accept: 'text/event-stream' },
      signal: stream.abort.signal,
    });
    stream.status = response.status;
    if (!response.ok || !response.body) {
      stream.ended = true;
      return stream;
    }
    const parser = createParser({
      onEvent: (message: EventSourceMessage) => {
        stream.events.push({ id: message.id, event: message.event ?? 'message', data: JSON.parse(message.data) });
        stream.notify();
      },
      onComment: () => {
        stream.comments++;
        stream.notify();
      },
    });
    void (async () => {
      const decoder = new TextDecoder();
      try {
        for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>)
          parser.feed(decoder.decode(chunk, { stream: true }));
      } catch {
        // aborted, or the server ended the stream
      }
      stream.ended = true;
      stream.notify();
    })();
    return stream;
  }

  /** The id of the last logged event received. */
  get lastId(): string | undefined {
    return [...this.events].reverse().find((e) => e.id !== undefined)?.id;
  }

  of(name: string): StreamEvent[] {
    return this.events.filter((e) => e.event === name);
  }

  /** Waits (at most `timeoutMs`) until `condition` holds for what was received. */
  async until(condition: (s: LiveStream) => boolean, what: string, timeoutMs = 10_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!condition(this)) {
      const left = deadline - Date.now();
      if (left <= 0)
        throw new Error(`timed out waiting for ${what}; received ${JSON.stringify(this.events.map((e) => e.event))}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  close(): void {
    this.abort.abort();
  }

  private notify(): void {
    const waiters = this.waiters;
    this.waiters = [];
    for (const w of waiters) w();
  }
}
