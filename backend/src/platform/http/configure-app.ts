import fastifyCookie from '@fastify/cookie';
import { MikroORM, RequestContext } from '@mikro-orm/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { SwaggerModule } from '@nestjs/swagger';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Logger } from 'pino';
import { AppConfig } from '../../config/app-config';
import { issueXsrfCookie } from '../auth/csrf';
import { MalformedPathError, sendProblem, toProblem } from '../errors/problem.filter';
import { AppLogger, ROOT_LOGGER } from '../logging/logging.module';
import { registerHttpMetrics } from '../metrics/http-metrics';
import { Metrics } from '../metrics/metrics.service';
import { createValidationPipe } from '../validation/validation';
import { assertStorableInput } from '../validation/storable-input';
import { registerFrontend } from './frontend';
import { registerJsonBodyParser } from './json-body';
import { markBodylessRoutes, rejectBodiesOfBodylessRoutes } from './no-body';
import { isCanonicalRequestPath } from './request-path';
import { registerHttpConventions } from './http-conventions';
import { securityHeaders } from './security-headers';
import { buildOpenApiDocument } from './openapi';
import { swaggerConsoleOptions } from './swagger-console';

const REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;

/** Paths of the API (everything else is the Angular app). */
export const isApiPath = (url: string): boolean =>
  url.startsWith('/api') && (url.length === 4 || url[4] === '/' || url[4] === '?');

/** Health checks and metric scrapes: every few seconds from the monitors, so not logged. */
const isMonitoring = (url: string): boolean => url.startsWith('/api/health') || url.startsWith('/api/metrics');

/**
 * The HTTP adapter: Fastify. Its router and request pipeline cost a third of Express's per request
 * (docs/performance.md), and a list page spends most of its CPU above the database.
 */
export function createHttpAdapter(config: AppConfig): FastifyAdapter {
  return new FastifyAdapter({
    // Nest middleware is not used (the ORM's request context is a preHandler hook, see below), so
    // the adapter's middleware layer, a hook on every request, is left out.
    skipMiddie: true,
    logger: false,
    trustProxy: config.TRUST_PROXY_HOPS > 0 ? config.TRUST_PROXY_HOPS : false,
    bodyLimit: config.bodyLimitBytes,
    // A sane X-Request-Id from the caller is kept (and echoed), anything else gets a fresh one.
    requestIdHeader: false,
    genReqId: (req: IncomingMessage) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
    },
    routerOptions: { ignoreTrailingSlash: true, maxParamLength: 500 },
    // Errors of Fastify's router (a path parameter over maxParamLength, a malformed URL) are problems too.
    frameworkErrors: (error: Error, _req: FastifyRequest, reply: FastifyReply) => sendProblem(reply, toProblem(error)),
    // In-flight requests finish when the server closes; idle keep-alive sockets are closed.
    forceCloseConnections: 'idle',
  });
}

/**
 * Everything between the socket and the controllers: security headers, cookies, request ids and
 * logs, body parsing, the input check, the ORM's request context, validation, OpenAPI docs, and
 * the built Angular app with deep-link fallback. Shared by main.ts and the tests, so both run the
 * same stack. Call before `app.init()`.
 */
export async function configureApp(app: NestFastifyApplication, config: AppConfig): Promise<void> {
  app.useLogger(app.get(AppLogger));
  app.setGlobalPrefix('api');
  app.useGlobalPipes(createValidationPipe());
  const fastify = app.getHttpAdapter().getInstance() as FastifyInstance;
  const requestLog = app.get<Logger>(ROOT_LOGGER);
  const orm = app.get(MikroORM);

  const security = securityHeaders({
    contentSecurityPolicy: {
      directives: {
        'default-src': ["'self'"],
        'script-src': ["'self'"],
        'style-src': ["'self'", "'unsafe-inline'"],
        'img-src': ["'self'", 'data:', 'https:', 'http:'],
        'font-src': ["'self'", 'data:'],
        'connect-src': ["'self'"],
        'object-src': ["'none'"],
        'frame-ancestors': ["'none'"],
        'base-uri': ["'self'"],
        'form-action': ["'self'"],
        'upgrade-insecure-requests': config.COOKIE_SECURE ? [] : null,
      },
    },
    crossOriginEmbedderPolicy: false,
  });
  await app.register(fastifyCookie);

  fastify.addHook('onRequest', (req: FastifyRequest, reply: FastifyReply, done: (error?: Error) => void) => {
    reply.headers(security);
    reply.header('x-request-id', req.id);
    // API answers are per-user and live: never cached by browsers or proxies.
    if (isApiPath(req.url)) reply.header('cache-control', 'no-store');
    // Dot segments, empty segments, backslashes and NUL (encoded or not) name nothing here: a 400 before any route or file server sees them.
    done(isCanonicalRequestPath(req.url) ? undefined : new MalformedPathError());
  });
  fastify.addHook('onRequest', issueXsrfCookie(config));
  // Location, Idempotency-Key, rate limits, CORS, WWW-Authenticate (the contract's conventions for every consumer).
  await registerHttpConventions(app, fastify, config);

  registerJsonBodyParser(fastify);
  // An operation whose handler declares no @Body() takes none: any other body is a 400 before anything runs.
  markBodylessRoutes(app);
  rejectBodiesOfBodylessRoutes(fastify);
  // Input no DTO can describe and PostgreSQL cannot store is a 400 naming the field, before validation.
  fastify.addHook('preValidation', (req: FastifyRequest, _reply: FastifyReply, done: (error?: Error) => void) => {
    try {
      if (isApiPath(req.url)) assertStorableInput(req);
      done();
    } catch (error) {
      done(error as Error);
    }
  });
  // Each request gets its own MikroORM context (identity map, unit of work). Created right before
  // the handler, after the body was read: the handler, guards and pipes all run inside it.
  fastify.addHook('preHandler', (req: FastifyRequest, _reply: FastifyReply, done: () => void) => {
    if (isApiPath(req.url)) RequestContext.create(orm.em, done);
    else done();
  });

  // Requests per route pattern and status, and their latency (GET /api/metrics).
  registerHttpMetrics(fastify, app.get(Metrics));
  // One line per answered request (not for health checks and scrapes), at info / warn (4xx) / error (5xx).
  fastify.addHook('onResponse', (req: FastifyRequest, reply: FastifyReply, done: () => void) => {
    const status = reply.statusCode;
    const level = status >= 500 ? 'error' : status >= 400 ? 'warn' : 'info';
    if (requestLog.isLevelEnabled(level) && !isMonitoring(req.url)) {
      requestLog[level](
        {
          req: { id: req.id, method: req.method, url: req.url.split('?', 1)[0] },
          res: { statusCode: status },
          responseTime: Math.round(reply.elapsedTime * 10) / 10,
        },
        'request completed',
      );
    }
    done();
  });

  SwaggerModule.setup('api/docs', app, () => buildOpenApiDocument(app), swaggerConsoleOptions());

  if (config.STATIC_DIR && existsSync(path.join(config.STATIC_DIR, 'index.html'))) {
    registerFrontend(fastify, path.resolve(config.STATIC_DIR), requestLog);
  }
}
