import http, { type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request the fake server received, and its answer (still open for an event stream). */
export interface SseConnection {
  headers: IncomingHttpHeaders;
  url: string;
  res: ServerResponse;
  /** Set when the client closed the connection (or it was destroyed). */
  closed: boolean;
}

/**
 * A small real HTTP server for the live-event clients' tests: each request is answered by the
 * handler for its number (0 for the first), which writes Server-Sent Events by hand. The default
 * handler opens a stream and leaves it open.
 */
export class SseServer {
  readonly connections: SseConnection[] = [];
  private handlers: ((c: SseConnection) => void)[] = [];
  private readonly server = http.createServer((req, res) => {
    const connection: SseConnection = { headers: req.headers, url: req.url ?? '', res, closed: false };
    res.on('close', () => (connection.closed = true));
    this.connections.push(connection);
    const handler = this.handlers[this.connections.length - 1] ?? ((c: SseConnection) => open(c));
    handler(connection);
  });

  static async start(): Promise<SseServer> {
    const sse = new SseServer();
    await new Promise<void>((resolve) => sse.server.listen(0, '127.0.0.1', resolve));
    return sse;
  }

  get url(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  /** The handlers of the next requests, in order (replaces those set before). */
  answer(...handlers: ((c: SseConnection) => void)[]): this {
    this.handlers = handlers;
    this.connections.length = 0;
    return this;
  }

  /** Waits (at most `timeoutMs`) for the nth request (1-based). */
  async connection(n: number, timeoutMs = 5000): Promise<SseConnection> {
    await until(() => this.connections.length >= n, `request ${n}`, timeoutMs);
    return this.connections[n - 1] as SseConnection;
  }

  async close(): Promise<void> {
    for (const c of this.connections) c.res.destroy();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

/** Sends the stream's head (200 text/event-stream) and, if given, some text. */
export function open(c: SseConnection, text = ''): void {
  c.res.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache' });
  c.res.write(text);
  c.res.flushHeaders();
}

/** One event in the wire format: `id`, `event`, and `data` as JSON on one line. */
export function frame(event: string, data: object, id?: string): string {
  return `${id ? `id: ${id}\n` : ''}event: ${event}\ndata: ${JSON.stringify(data)}\n\n`;
}

/** A problem+json answer. */
export function problem(c: SseConnection, status: number, code: string): void {
  c.res.writeHead(status, { 'content-type': 'application/problem+json' });
  c.res.end(JSON.stringify({ type: 'about:blank', title: code, status, code, detail: `${code} detail` }));
}

/** Polls `condition` until it holds, failing after `timeoutMs` with `what`. */
export async function until(condition: () => boolean, what: string, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}
