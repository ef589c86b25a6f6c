import { DynamicModule, Global, Inject, Injectable, LoggerService, Module } from '@nestjs/common';
import pino, { Level, Logger } from 'pino';
import { AppConfig } from '../../config/app-config';

/** The injection token of the root pino logger. */
export const ROOT_LOGGER = Symbol('ROOT_LOGGER');

/** Paths that never reach a log line, wherever they appear in a logged object. */
const REDACTED = [
  'req.headers.authorization',
  'req.headers.cookie',
  'res.headers["set-cookie"]',
  '*.password',
  '*.passwordHash',
  '*.token',
  '*.secret',
];

export function createRootLogger(level: string): Logger {
  return pino({ level, redact: { paths: REDACTED, censor: '[redacted]' } });
}

/**
 * Nest's logger interface over pino: `logger.warn({ err, ... }, 'message')` from a Nest `Logger`
 * becomes one JSON line with the object's fields, the message and the Nest context.
 */
@Injectable()
export class AppLogger implements LoggerService {
  constructor(@Inject(ROOT_LOGGER) private readonly pino: Logger) {}

  log(message: unknown, ...params: unknown[]): void {
    this.write('info', message, params);
  }
  error(message: unknown, ...params: unknown[]): void {
    this.write('error', message, params);
  }
  warn(message: unknown, ...params: unknown[]): void {
    this.write('warn', message, params);
  }
  debug(message: unknown, ...params: unknown[]): void {
    this.write('debug', message, params);
  }
  verbose(message: unknown, ...params: unknown[]): void {
    this.write('trace', message, params);
  }
  fatal(message: unknown, ...params: unknown[]): void {
    this.write('fatal', message, params);
  }

  /** Nest appends the context (the `Logger`'s name) as the last parameter. */
  private write(level: Level, message: unknown, params: unknown[]): void {
    if (!this.pino.isLevelEnabled(level)) return;
    const fields: Record<string, unknown> = {};
    let rest = params;
    if (params.length > 0) {
      fields['context'] = params[params.length - 1];
      rest = params.slice(0, -1);
    }
    if (message instanceof Error) {
      this.pino[level]({ ...fields, err: message }, typeof rest[0] === 'string' ? rest[0] : message.message);
    } else if (message !== null && typeof message === 'object') {
      this.pino[level](
        { ...fields, ...(message as Record<string, unknown>) },
        typeof rest[0] === 'string' ? rest[0] : undefined,
      );
    } else if (level === 'error' && rest.length === 1 && typeof rest[0] === 'string' && rest[0].includes('\n    at ')) {
      // Nest's own `error(message, stack, context)`.
      const err = new Error(String(message));
      err.stack = rest[0];
      this.pino.error({ ...fields, err }, String(message));
    } else {
      this.pino[level](fields, String(message));
    }
  }
}

/** The root pino logger and Nest's logger over it. Request logs are written by the HTTP layer (configure-app). */
@Global()
@Module({})
export class LoggingModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: LoggingModule,
      providers: [{ provide: ROOT_LOGGER, useValue: createRootLogger(config.LOG_LEVEL) }, AppLogger],
      exports: [ROOT_LOGGER, AppLogger],
    };
  }
}
