import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Server } from 'node:http';

/**
 * Counts the requests in flight so that a shutdown can stop taking new ones and let those finish.
 * Register before any other hook (every request is counted, whatever answers it).
 *
 * Draining: the listening socket closes (new connections are refused, so a load balancer or a
 * client's retry goes to another instance) and idle keep-alive connections are closed. Requests
 * already received run to completion on a database that is still open; their answers, and those of
 * requests that arrive meanwhile on a connection that is busy, carry `Connection: close`, and each
 * connection is closed once its answer is out. Past the bound, the remaining connections are cut.
 */
export class RequestDrain {
  private inFlight = 0;
  private server?: Server;
  private settled?: () => void;

  constructor(fastify: FastifyInstance) {
    fastify.addHook('onRequest', (_req: FastifyRequest, reply: FastifyReply, done: () => void) => {
      this.inFlight++;
      reply.raw.once('close', () => this.finished());
      done();
    });
    fastify.addHook(
      'onSend',
      (_req: FastifyRequest, reply: FastifyReply, payload: unknown, done: (error: null, payload: unknown) => void) => {
        if (this.server) reply.header('connection', 'close');
        done(null, payload);
      },
    );
  }

  get draining(): boolean {
    return this.server !== undefined;
  }

  /** Stops accepting and waits for the requests in flight, at most `boundMs`. Resolves to how many were cut off. */
  async drain(server: Server, boundMs: number): Promise<number> {
    if (this.server) return 0;
    this.server = server;
    const idle = new Promise<void>((resolve) => (this.settled = resolve));
    if (server.listening) server.close();
    server.closeIdleConnections();
    if (this.inFlight > 0) {
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([idle, new Promise<void>((resolve) => (timer = setTimeout(resolve, boundMs)))]);
      clearTimeout(timer);
    }
    const cut = this.inFlight;
    server.closeAllConnections();
    return cut;
  }

  private finished(): void {
    this.inFlight--;
    if (!this.server) return;
    // A connection whose last answer was already on its way when the drain began is idle now.
    const server = this.server;
    setImmediate(() => server.closeIdleConnections());
    if (this.inFlight === 0) this.settled?.();
  }
}
