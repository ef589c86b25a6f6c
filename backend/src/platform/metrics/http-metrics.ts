import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Metrics, UNMATCHED_ROUTE } from './metrics.service';

/**
 * Counts every answered request (API, console and the Angular app alike) with its route's
 * pattern as Fastify matched it (`/api/tickets/:id`), never the URL: the labels stay as few as
 * the routes. `elapsedTime` runs from the request's arrival to the answer's last byte.
 */
export function registerHttpMetrics(fastify: FastifyInstance, metrics: Metrics): void {
  fastify.addHook('onResponse', (req: FastifyRequest, reply: FastifyReply, done: () => void) => {
    metrics.observeRequest(
      req.method,
      req.routeOptions.url ?? UNMATCHED_ROUTE,
      reply.statusCode,
      reply.elapsedTime / 1000,
    );
    done();
  });
}
