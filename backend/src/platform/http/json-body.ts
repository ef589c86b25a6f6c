import type { FastifyInstance, FastifyRequest } from 'fastify';
import { MalformedBodyError, UnsupportedBodyError } from '../errors/problem.filter';

/**
 * Request bodies are JSON objects or arrays (as express.json's strict mode had it), parsed with
 * Fastify's own parser, which refuses `__proto__` and `constructor.prototype` keys. An empty body
 * is no body, so `POST /tickets/:id/close` may carry a JSON content type and nothing else.
 * Any other media type or charset with a body is a 415; a body over BODY_LIMIT is a 413 (Fastify's bodyLimit).
 */
export function registerJsonBodyParser(fastify: FastifyInstance): void {
  const parse = fastify.getDefaultJsonParser('error', 'error');
  fastify.removeAllContentTypeParsers();
  fastify.addContentTypeParser('application/json', { parseAs: 'string' }, (req: FastifyRequest, body: string, done: (error: Error | null, value?: unknown) => void) => {
    const charset = /;\s*charset\s*=\s*"?([^";\s]+)/i.exec(req.headers['content-type'] ?? '')?.[1]?.toLowerCase();
    if (charset !== undefined && charset !== 'utf-8' && charset !== 'utf8') return done(new UnsupportedBodyError(`charset ${charset} is not supported; send UTF-8`));
    if (body.length === 0) return done(null, undefined);
    parse(req, body, (error: Error | null, value?: unknown) => {
      if (error) return done(new MalformedBodyError());
      if (value === null || typeof value !== 'object') return done(new MalformedBodyError('must be a JSON object or array'));
      done(null, value);
    });
  });
}
