import type { FastifyInstance, FastifyRequest } from 'fastify';
import { MalformedBodyError, UnsupportedBodyError } from '../errors/problem.filter';
import { RequestValidationError } from '../validation/validation';

/**
 * Request bodies are JSON objects or arrays (as express.json's strict mode had it), parsed with
 * Fastify's own parser, which refuses `__proto__` and `constructor.prototype` keys (a 400 naming
 * the key, like any field the API does not know; nothing downstream ever sees them). An empty body
 * is no body, so `POST /tickets/:id/close` may carry a JSON content type and nothing else.
 * Any other media type or charset with a body is a 415; a body over BODY_LIMIT is a 413 (Fastify's bodyLimit).
 */
export function registerJsonBodyParser(fastify: FastifyInstance): void {
  const parse = fastify.getDefaultJsonParser('error', 'error');
  fastify.removeAllContentTypeParsers();
  fastify.addContentTypeParser(
    'application/json',
    { parseAs: 'string' },
    (req: FastifyRequest, body: string, done: (error: Error | null, value?: unknown) => void) => {
      const charset = /;\s*charset\s*=\s*"?([^";\s]+)/i.exec(req.headers['content-type'] ?? '')?.[1]?.toLowerCase();
      if (charset !== undefined && charset !== 'utf-8' && charset !== 'utf8')
        return done(new UnsupportedBodyError(`charset ${charset} is not supported; send UTF-8`));
      if (body.length === 0) return done(null, undefined);
      parse(req, body, (error: Error | null, value?: unknown) => {
        if (error) return done(forbiddenKeyError(body) ?? new MalformedBodyError());
        if (value === null || typeof value !== 'object')
          return done(new MalformedBodyError('must be a JSON object or array'));
        done(null, value);
      });
    },
  );
}

/**
 * Fastify's parser reports prototype keys as invalid JSON. When the text is valid JSON, that was
 * the reason: name the key. `JSON.parse` makes `__proto__` an own property (no prototype is
 * changed) and the value is only searched, then dropped.
 */
function forbiddenKeyError(text: string): RequestValidationError | undefined {
  let root: unknown;
  try {
    root = JSON.parse(text);
  } catch {
    return undefined;
  }
  const stack: { value: unknown; field: string }[] = [{ value: root, field: '' }];
  for (let next = stack.pop(); next; next = stack.pop()) {
    if (next.value === null || typeof next.value !== 'object') continue;
    for (const [key, child] of Object.entries(next.value)) {
      const field = next.field ? `${next.field}.${key}` : key;
      const forbidden =
        key === '__proto__' ||
        (key === 'constructor' && child !== null && typeof child === 'object' && Object.hasOwn(child, 'prototype'));
      if (forbidden) return new RequestValidationError([{ field, message: `${field} is not an allowed field` }]);
      stack.push({ value: child, field });
    }
  }
  return undefined;
}
