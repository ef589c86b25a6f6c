import { ApiError, type LiveEvent, liveEvents, type LiveRetry } from '@bw/sdk';
import { freePort } from './support/child-server';
import { frame, open, problem, SseServer, until } from './support/sse-server';

const at = '2026-01-01T00:00:00.000Z';
const ada = { id: 'u1', username: 'ada' };

/** Takes `n` events from an iterator, failing after `timeoutMs`. */
async function take(events: AsyncIterator<LiveEvent>, n: number, timeoutMs = 5000): Promise<LiveEvent[]> {
  const taken: LiveEvent[] = [];
  const deadline = Date.now() + timeoutMs;
  while (taken.length < n) {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new Error(`timed out after ${taken.length} of ${n} events`)),
        deadline - Date.now(),
      );
    });
    const next = await Promise.race([events.next(), timeout]).finally(() => clearTimeout(timer));
    if (next.done) throw new Error(`the stream ended after ${taken.length} of ${n} events`);
    taken.push(next.value);
  }
  return taken;
}

describe('liveEvents: the SDK helper for GET /api/events (against a small SSE server)', () => {
  let sse: SseServer;

  beforeAll(async () => {
    sse = await SseServer.start();
  });
  afterAll(() => sse.close());

  it('parses typed events: data split over lines, comments and unknown names skipped, Bearer and Accept sent', async () => {
    const wire = [
      'retry: 5\n: ping\n\n',
      'id: 1-1\nevent: ticket.created\n',
      `data: {"ticketId":"t1",\ndata: "actor":${JSON.stringify(ada)},"at":"${at}"}\n\n`,
      ': ping\n\n',
      frame('presence', { ticketId: 't1', user: { id: 'u2', username: 'sam' }, state: 'viewing' }),
      frame('brand.new', { anything: true }, '1-2'),
      'id: 1-3\r\nevent: comment.created\r\ndata: {"ticketId":"t1","comment":{"id":"c1"},"actor":null,',
      `"at":"${at}"}\r\n\r\n`,
    ].join('');
    sse.answer((c) => {
      open(c);
      // In small pieces, so events and lines arrive cut at arbitrary places.
      for (let i = 0; i < wire.length; i += 7) c.res.write(wire.slice(i, i + 7));
    });
    const stream = liveEvents({ baseUrl: `${sse.url}/`, token: 'tok' });
    const received: LiveEvent[] = [];
    for await (const event of stream) {
      received.push(event);
      if (received.length === 3) break;
    }
    expect(received).toEqual([
      { id: '1-1', event: 'ticket.created', data: { ticketId: 't1', actor: ada, at } },
      { event: 'presence', data: { ticketId: 't1', user: { id: 'u2', username: 'sam' }, state: 'viewing' } },
      { id: '1-3', event: 'comment.created', data: { ticketId: 't1', comment: { id: 'c1' }, actor: null, at } },
    ]);
    const [first] = received;
    if (first?.event === 'ticket.created') expect(first.data.ticket).toBeUndefined(); // typed by its name
    expect(stream.lastEventId).toBe('1-3');
    const c = await sse.connection(1);
    expect(c.url).toBe('/api/events');
    expect(c.headers).toMatchObject({ authorization: 'Bearer tok', accept: 'text/event-stream' });
    expect(c.headers['last-event-id']).toBeUndefined();
    await until(() => c.closed, 'breaking out of the loop to close the connection');
  });

  it('reconnects with backoff after drops, a 503 and a clean end, sending the last id as Last-Event-ID', async () => {
    let token = 0;
    sse.answer(
      (c) => open(c, `retry: 1\n\n${frame('ticket.created', { ticketId: 't1', actor: ada, at }, 'a-1')}`),
      (c) => {
        c.res.writeHead(503, { 'retry-after': '0', 'content-type': 'application/problem+json' });
        c.res.end('{}');
      },
      (c) => {
        open(c, frame('ticket.closed', { ticketId: 't1', actor: ada, at }, 'a-2'));
        c.res.end();
      },
      (c) => open(c, frame('ticket.reopened', { ticketId: 't1', actor: null, at }, 'a-3')),
    );
    const retries: LiveRetry[] = [];
    const stream = liveEvents({ baseUrl: sse.url, token: () => `tok-${++token}`, onRetry: (r) => retries.push(r) });
    const events = stream[Symbol.asyncIterator]();
    expect((await take(events, 1)).map((e) => e.id)).toEqual(['a-1']);
    (await sse.connection(1)).res.destroy(); // the connection drops mid-stream
    expect((await take(events, 2)).map((e) => e.id)).toEqual(['a-2', 'a-3']);
    await events.return?.();

    expect(sse.connections.map((c) => c.headers['last-event-id'])).toEqual([undefined, 'a-1', 'a-1', 'a-2']);
    expect(sse.connections.map((c) => c.headers.authorization)).toEqual([1, 2, 3, 4].map((n) => `Bearer tok-${n}`));
    expect(
      retries.map(({ reason, attempt, status, lastEventId }) => ({ reason, attempt, status, lastEventId })),
    ).toEqual([
      { reason: expect.stringMatching(/^(network|ended)$/), attempt: 1, status: undefined, lastEventId: 'a-1' },
      { reason: 'status', attempt: 2, status: 503, lastEventId: 'a-1' },
      { reason: 'ended', attempt: 1, status: undefined, lastEventId: 'a-2' },
    ]);
    expect(retries[1]?.delayMs).toBeGreaterThanOrEqual(1); // doubled from the server's retry: 1
    expect(retries[1]?.delayMs).toBeLessThanOrEqual(2);
  });

  it('passes reset through to the caller and keeps reading; lastEventId starts the first request', async () => {
    sse.answer((c) =>
      open(c, `event: reset\ndata: {}\n\n${frame('message.read', { message: { id: 'm1' }, actor: ada, at }, 'b-1')}`),
    );
    const stream = liveEvents({ baseUrl: sse.url, token: 'tok', lastEventId: 'gone-1' });
    const events = stream[Symbol.asyncIterator]();
    const [reset] = await take(events, 1);
    expect(reset).toEqual({ event: 'reset', data: {} });
    expect(stream.lastEventId).toBe('gone-1');
    expect(await take(events, 1)).toEqual([
      { id: 'b-1', event: 'message.read', data: { message: { id: 'm1' }, actor: ada, at } },
    ]);
    expect(stream.lastEventId).toBe('b-1');
    expect((await sse.connection(1)).headers['last-event-id']).toBe('gone-1');
    stream.close();
    expect(await events.next()).toEqual({ done: true, value: undefined });
  });

  it('stops on abort, while reading and while waiting to reconnect, without throwing', async () => {
    sse.answer((c) => open(c, frame('ticket.created', { ticketId: 't1', actor: ada, at }, 'c-1')));
    const reading = new AbortController();
    const received: LiveEvent[] = [];
    const done = (async () => {
      for await (const event of liveEvents({ baseUrl: sse.url, token: 'tok', signal: reading.signal }))
        received.push(event);
    })();
    await until(() => received.length === 1, 'the first event');
    reading.abort();
    await expect(done).resolves.toBeUndefined();
    await until(() => sse.connections[0]?.closed === true, 'the connection to close');

    sse.answer((c) => {
      c.res.writeHead(503, { 'retry-after': '600' });
      c.res.end();
    });
    const waiting = new AbortController();
    const iteration = liveEvents({
      baseUrl: sse.url,
      token: 'tok',
      signal: waiting.signal,
      onRetry: () => waiting.abort(), // the 503 asked for a 10-minute wait
    })[Symbol.asyncIterator]();
    await expect(iteration.next()).resolves.toEqual({ done: true, value: undefined });
    expect(sse.connections).toHaveLength(1);
  });

  it.each([
    [401, 'UNAUTHENTICATED'],
    [403, 'FORBIDDEN'],
    [404, 'NOT_FOUND'],
  ])('throws ApiError on %i without retrying', async (status, code) => {
    sse.answer((c) => problem(c, status, code));
    const retries: LiveRetry[] = [];
    const error = await (async () => {
      for await (const _ of liveEvents({ baseUrl: sse.url, token: 'bad', onRetry: (r) => retries.push(r) }));
    })().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status, code, problem: { status, code, detail: `${code} detail` } });
    expect(retries).toEqual([]);
    expect(sse.connections).toHaveLength(1);
  });

  it('runs by itself with onEvent: resolves on abort, rejects with ApiError on 401', async () => {
    sse.answer(
      (c) => open(c, frame('ticket.deleted', { ticketId: 't9', actor: ada, at }, 'd-1')),
      (c) => problem(c, 401, 'UNAUTHENTICATED'),
    );
    const stop = new AbortController();
    const names: string[] = [];
    const running = liveEvents({
      baseUrl: sse.url,
      token: 'tok',
      signal: stop.signal,
      onEvent: async (event) => {
        names.push(event.event);
        stop.abort();
      },
    });
    await expect(running).resolves.toBeUndefined();
    expect(names).toEqual(['ticket.deleted']);
    await expect(liveEvents({ baseUrl: sse.url, token: 'x', onEvent: () => undefined })).rejects.toBeInstanceOf(
      ApiError,
    );
  });

  it('reconnects when nothing arrives for idleTimeoutMs, and gives up after maxAttempts when unreachable', async () => {
    sse.answer(
      (c) => open(c, 'retry: 1\n\n'),
      (c) => open(c, frame('message.created', { message: { id: 'm2' }, actor: null, at }, 'e-1')),
    );
    const retries: LiveRetry[] = [];
    const events = liveEvents({ baseUrl: sse.url, token: 'tok', idleTimeoutMs: 200, onRetry: (r) => retries.push(r) })[
      Symbol.asyncIterator
    ]();
    expect((await take(events, 1)).map((e) => e.id)).toEqual(['e-1']);
    await events.return?.();
    expect(retries.map((r) => r.reason)).toEqual(['idle']);
    expect(sse.connections[0]?.closed).toBe(true);

    const nowhere = `http://127.0.0.1:${await freePort()}`;
    const attempts: number[] = [];
    const stream = liveEvents({
      baseUrl: nowhere,
      retry: { initialDelayMs: 1, maxAttempts: 2 },
      onRetry: (r) => attempts.push(r.attempt),
    });
    await expect(take(stream[Symbol.asyncIterator](), 1)).rejects.toThrow('fetch failed');
    expect(attempts).toEqual([1, 2]);
  });
});
