import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request a receiver got. */
export interface Received {
  path: string;
  headers: Record<string, string>;
  body: string;
}

/** What a path answers: `(request, response, count)` with `count` the requests this path got so far (1 for the first). */
export type Behaviour = (req: IncomingMessage, res: ServerResponse, count: number) => void;

/**
 * A local webhook receiver on 127.0.0.1 (plain http): records every request by path and answers
 * as the path's behaviour says (200 by default).
 */
export class WebhookReceiver {
  readonly received: Received[] = [];
  private readonly behaviours = new Map<string, Behaviour>();
  private readonly held = new Set<ServerResponse>();
  private server?: Server;
  baseUrl = '';

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const path = req.url ?? '/';
        const headers = Object.fromEntries(
          Object.entries(req.headers).map(([k, v]) => [k, Array.isArray(v) ? v.join(', ') : (v ?? '')]),
        );
        this.received.push({ path, headers, body: Buffer.concat(chunks).toString('utf8') });
        const count = this.of(path).length;
        const behaviour = this.behaviours.get(path);
        if (behaviour) behaviour(req, res, count);
        else res.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.baseUrl = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  on(path: string, behaviour: Behaviour): string {
    this.behaviours.set(path, behaviour);
    return `${this.baseUrl}${path}`;
  }

  /** A path that never answers (until release()). */
  hang(path: string): string {
    return this.on(path, (_req, res) => this.held.add(res));
  }

  get heldCount(): number {
    return [...this.held].filter((r) => !r.destroyed && !r.writableEnded).length;
  }

  url(path: string): string {
    return `${this.baseUrl}${path}`;
  }

  of(path: string): Received[] {
    return this.received.filter((r) => r.path === path);
  }

  release(): void {
    for (const res of this.held) if (!res.destroyed) res.destroy();
    this.held.clear();
  }

  async close(): Promise<void> {
    this.release();
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => this.server?.close(() => resolve()) ?? resolve());
  }
}
