import type { NestExpressApplication } from '@nestjs/platform-express';
import { SwaggerModule } from '@nestjs/swagger';
import compression from 'compression';
import connectPgSimple from 'connect-pg-simple';
import express, { NextFunction, Request, Response } from 'express';
import session from 'express-session';
import helmet from 'helmet';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { Pool } from 'pg';
import { Logger } from 'nestjs-pino';
import { AppConfig } from '../../config/app-config';
import { SESSION_COOKIE } from '../auth/session-cookie';
import { xsrfCookieMiddleware } from '../auth/csrf';
import { problem } from '../errors/problem';
import { sendProblem, toProblem } from '../errors/problem.filter';
import { createValidationPipe } from '../validation/validation';
import { storableInputMiddleware } from '../validation/storable-input';
import { buildOpenApiDocument } from './openapi';

export interface ConfiguredApp {
  /** Releases what configureApp opened (the session store's pool). Call after app.close(). */
  dispose(): Promise<void>;
}

/**
 * Everything between the socket and the controllers: security headers, body parsing, sessions,
 * CSRF cookie, validation, OpenAPI docs, and the built Angular app with deep-link fallback.
 * Shared by main.ts and the integration tests so both run the same stack.
 */
export function configureApp(app: NestExpressApplication, config: AppConfig): ConfiguredApp {
  const logger = app.get(Logger);
  app.useLogger(logger);
  app.set('trust proxy', config.TRUST_PROXY_HOPS);
  app.disable('x-powered-by');
  app.setGlobalPrefix('api');
  app.useGlobalPipes(createValidationPipe());

  app.use(
    helmet({
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
    }),
  );
  app.use(xsrfCookieMiddleware(config.COOKIE_SECURE));

  if (config.STATIC_DIR && existsSync(path.join(config.STATIC_DIR, 'index.html'))) {
    serveFrontend(app, path.resolve(config.STATIC_DIR));
  }

  // API answers are per-user and live: never cached by browsers or proxies.
  app.use('/api', (_req: Request, res: Response, next: NextFunction) => {
    res.setHeader('Cache-Control', 'no-store');
    next();
  });
  app.use('/api', express.json({ limit: config.BODY_LIMIT, strict: true }));
  app.use('/api', storableInputMiddleware());
  // Errors of the body parser and of the input check (malformed JSON, too large, unstorable text)
  // are problems naming the body or the field.
  app.use('/api', (error: unknown, req: Request, res: Response, next: NextFunction) => {
    if (!error) return next();
    const body = toProblem(error);
    if (body.status >= 500) logger.error({ err: error, path: req.path, method: req.method }, 'Unhandled error while reading the request');
    sendProblem(res, body);
  });

  const pool = new Pool({ connectionString: config.DATABASE_URL, max: 5, connectionTimeoutMillis: 3000 });
  pool.on('error', (error) => logger.warn({ err: error }, 'session store connection error'));
  const PgStore = connectPgSimple(session);
  const sessions = session({
    name: SESSION_COOKIE,
    secret: config.SESSION_SECRET,
    store: new PgStore({ pool, tableName: 'session', createTableIfMissing: false, disableTouch: true, pruneSessionInterval: 15 * 60, errorLog: (...args: unknown[]) => logger.warn({ args }, 'session store error') }),
    resave: false,
    saveUninitialized: false,
    rolling: false,
    // 'keep': with 'destroy', a request whose session could not be loaded (database briefly
    // down) ends with req.session unset, and express-session then deletes the session: a
    // database blip would log users out. Logout destroys the session explicitly (endSession).
    unset: 'keep',
    cookie: { httpOnly: true, sameSite: 'lax', secure: config.COOKIE_SECURE, maxAge: config.SESSION_TTL_SECONDS * 1000, path: '/' },
  });
  // A request with a bearer token never looks at the session (AuthenticationGuard takes the token
  // first), so it skips the session machinery: no cookie parsing, no session object, no id drawn.
  // /api/auth/* always goes through it: signup, login and the demo start a session whatever
  // headers they carry.
  const needsSession = (req: Request) => req.headers.authorization === undefined || req.path.startsWith('/auth/');
  app.use('/api', (req: Request, res: Response, next: NextFunction) => (needsSession(req) ? sessions(req, res, next) : next()));

  // Errors raised by the session middleware (its store is PostgreSQL: down, restarting) are
  // problems too — a 503 the client may retry, never an HTML 500 or a dropped session.
  // Anything that reaches this handler failed in the session store (the body errors were handled
  // above), so an unrecognised failure is still the store's: 503, logged with its cause.
  app.use('/api', (error: unknown, req: Request, res: Response, next: NextFunction) => {
    if (!error) return next();
    const body = toProblem(error);
    if (body.status >= 500) {
      logger.warn({ err: error, path: req.path, method: req.method }, 'session store unavailable');
      sendProblem(res, problem(503, 'SERVICE_UNAVAILABLE', 'The session store is unavailable; try again shortly.'));
      return;
    }
    sendProblem(res, body);
  });

  SwaggerModule.setup('api/docs', app, () => buildOpenApiDocument(app), { jsonDocumentUrl: 'api/docs-json', customSiteTitle: 'Balanced Workspace API' });

  return {
    async dispose() {
      await pool.end().catch(() => undefined);
    },
  };
}

/** Serves the built Angular app at `/`; any other GET outside /api that wants HTML gets index.html. */
function serveFrontend(app: NestExpressApplication, dir: string): void {
  const index = path.join(dir, 'index.html');
  // The app's files go out gzipped; API answers are small and are not worth the CPU.
  const gzip = compression();
  const isApi = (req: Request) => req.path === '/api' || req.path.startsWith('/api/');
  app.use((req: Request, res: Response, next: NextFunction) => (isApi(req) ? next() : gzip(req, res, next)));
  // Outside /api only: for an API request the static handler would stat a file that cannot exist
  // (a thread-pool round trip per request, measured at several percent of a list page's CPU).
  const serveStatic = express.static(dir, {
    index: false,
    setHeaders: (res, file) => {
      // Angular's output file names carry a content hash; index.html must always be revalidated.
      res.setHeader('Cache-Control', /-[A-Z0-9]{8}\.(js|css)$/.test(file) ? 'public, max-age=31536000, immutable' : 'no-cache');
    },
  });
  app.use((req: Request, res: Response, next: NextFunction) => (isApi(req) ? next() : serveStatic(req, res, next)));
  app.use((req: Request, res: Response, next: NextFunction) => {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || isApi(req)) return next();
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(index);
  });
}
