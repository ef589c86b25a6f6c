import fastifyCors from '@fastify/cors';
import type { INestApplication } from '@nestjs/common';
import { INTERCEPTORS_METADATA } from '@nestjs/common/constants';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppConfig } from '../../config/app-config';
import { CreatedResourceInterceptor } from './created-resource.interceptor';
import { FIXED_LOCATIONS, isCreating, isIdempotent, operationsOf } from './creating-operations';
import { IdempotencyKeyStore } from './idempotency/idempotency-key.store';
import { RateLimiter, RateLimitGuard } from './rate-limit';

/** What a listed origin's scripts may send and read (the contract's CORS convention). */
export const CORS_ALLOWED_HEADERS = ['authorization', 'content-type', 'idempotency-key', 'x-request-id'];
export const CORS_EXPOSED_HEADERS = [
  'location',
  'ratelimit',
  'ratelimit-policy',
  'retry-after',
  'x-request-id',
  'idempotent-replayed',
];
export const CORS_METHODS = ['GET', 'HEAD', 'POST', 'PATCH', 'PUT', 'DELETE'];

/**
 * The contract's HTTP conventions for every consumer: `Location` on every `201` and
 * `Idempotency-Key` on the creating operations (an interceptor attached to those operations
 * only), the per-user rate limit with its headers, CORS for the listed origins, and
 * `WWW-Authenticate` on a `401` to a request with credentials in `Authorization`.
 * Call before `app.init()`, which builds the routes' interceptor chains.
 */
export async function registerHttpConventions(
  app: NestFastifyApplication,
  fastify: FastifyInstance,
  config: AppConfig,
): Promise<void> {
  const keys: IdempotencyKeyStore | undefined = app.get(IdempotencyKeyStore);
  fastify.decorate('idempotencyKeys', keys);
  attachCreatedResourceInterceptors(app);
  if (config.API_RATE_LIMIT_PER_MINUTE > 0)
    app.useGlobalGuards(new RateLimitGuard(new RateLimiter(config.API_RATE_LIMIT_PER_MINUTE)));

  const origins = new Set(config.corsOrigins);
  if (origins.size > 0) {
    // An origin that is not listed (or no Origin at all) gets no Access-Control-* header, and its preflight a 404.
    await app.register(fastifyCors, {
      origin: (origin: string | undefined, cb: (error: Error | null, allow: boolean) => void) =>
        cb(null, origin !== undefined && origins.has(origin)),
      methods: CORS_METHODS,
      allowedHeaders: CORS_ALLOWED_HEADERS,
      exposedHeaders: CORS_EXPOSED_HEADERS,
      credentials: false,
      maxAge: 600,
    });
  }

  // RFC 6750: a 401 to a request that carried a bearer token names the scheme and why.
  fastify.addHook(
    'onSend',
    (req: FastifyRequest, reply: FastifyReply, payload: unknown, done: (error: null, payload: unknown) => void) => {
      const authorization = req.headers.authorization;
      if (reply.statusCode === 401 && authorization !== undefined)
        reply.header('www-authenticate', /^bearer\s/i.test(authorization) ? 'Bearer error="invalid_token"' : 'Bearer');
      done(null, payload);
    },
  );
}

/**
 * Adds a CreatedResourceInterceptor to every creating (or otherwise idempotent) operation's own
 * interceptors, once per process (the metadata belongs to the controller class, which every app
 * in the process shares).
 */
function attachCreatedResourceInterceptors(app: Pick<INestApplication, 'get'>): void {
  for (const op of operationsOf(app)) {
    if (!isCreating(op) && !isIdempotent(op)) continue;
    const own = (Reflect.getMetadata(INTERCEPTORS_METADATA, op.handler) ?? []) as unknown[];
    if (own.some((interceptor) => interceptor instanceof CreatedResourceInterceptor)) continue;
    Reflect.defineMetadata(
      INTERCEPTORS_METADATA,
      [...own, new CreatedResourceInterceptor(isIdempotent(op), FIXED_LOCATIONS[op.name], op.status)],
      op.handler,
    );
  }
}
