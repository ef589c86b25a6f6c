import { OptimisticLockError } from '@mikro-orm/core';
import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { DomainError } from './domain-error';
import { FieldError, Problem, problem, PROBLEM_CONTENT_TYPE } from './problem';
import { RequestValidationError } from '../validation/validation';

const HTTP_CODES: Record<number, string> = {
  400: 'BAD_REQUEST',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  405: 'METHOD_NOT_ALLOWED',
  409: 'CONFLICT',
  412: 'PRECONDITION_FAILED',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  416: 'RANGE_NOT_SATISFIABLE',
  429: 'TOO_MANY_REQUESTS',
  503: 'SERVICE_UNAVAILABLE',
};

/** The request body is not JSON this API can read (see platform/http/json-body). */
export class MalformedBodyError extends Error {
  constructor(message = 'must be valid JSON') {
    super(message);
    this.name = 'MalformedBodyError';
  }
}

/** The request body's media type or charset is not one this API reads (JSON in UTF-8). */
export class UnsupportedBodyError extends Error {
  constructor(message = 'must be sent as application/json') {
    super(message);
    this.name = 'UnsupportedBodyError';
  }
}

/** The request path is not canonical (platform/http/request-path): a traversal attempt or a mangled link. */
export class MalformedPathError extends Error {
  constructor() {
    super('must not contain dot segments, empty segments, backslashes or NUL characters');
    this.name = 'MalformedPathError';
  }
}

/** Errors Fastify raises before a handler runs (body too large, unsupported media type, …) carry `code` and `statusCode`. */
interface FastifyError extends Error {
  code: string;
  statusCode: number;
}
function isFastifyError(error: unknown): error is FastifyError {
  return (
    error instanceof Error &&
    typeof (error as FastifyError).code === 'string' &&
    (error as FastifyError).code.startsWith('FST_') &&
    typeof (error as FastifyError).statusCode === 'number'
  );
}

/**
 * The `http-errors` convention of Fastify's plugins (@fastify/static and @fastify/send under
 * /api/docs: 403 for a path outside the root, 412 and 416 for failed preconditions and ranges):
 * a client error they chose, which must not be rendered as our 500.
 */
function clientErrorStatusOf(error: unknown): number | undefined {
  if (!(error instanceof Error)) return undefined;
  const { statusCode, status } = error as { statusCode?: unknown; status?: unknown };
  const value = typeof statusCode === 'number' ? statusCode : status;
  return typeof value === 'number' && Number.isInteger(value) && value >= 400 && value < 500 ? value : undefined;
}

/** PostgreSQL error classes 08 (connection exception) and 57P (operator intervention: shutdown, cannot connect now). */
const DB_UNAVAILABLE_SQLSTATE = /^(08|57P0[1-4])/;
const DB_UNAVAILABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
]);
/**
 * "Transaction query already complete": knex ends a transaction when one of its own statements
 * (BEGIN, COMMIT) fails — the connection broke — and swallows that error, so the unit of work's
 * next statement is what reports it. Nothing was committed; the client may retry.
 */
const DB_UNAVAILABLE_MESSAGE =
  /Connection terminated|connection timeout|timeout exceeded when trying to connect|Timeout acquiring a connection|not queryable|terminating connection|the database system is (starting up|shutting down|in recovery)|Connection refused|connect ECONNREFUSED|Client was closed and is not queryable|Transaction query already complete/i;

/** The database cannot be reached (down, restarting, pool exhausted): the request may be retried, so 503, not 500. */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (let e = error, depth = 0; e && typeof e === 'object' && depth < 5; depth++) {
    const { name, code, message } = e as { name?: string; code?: unknown; message?: unknown };
    if (name === 'ConnectionException') return true;
    if (
      typeof code === 'string' &&
      (DB_UNAVAILABLE_CODES.has(code) || (/^[0-9A-Z]{5}$/.test(code) && DB_UNAVAILABLE_SQLSTATE.test(code)))
    )
      return true;
    if (typeof message === 'string' && DB_UNAVAILABLE_MESSAGE.test(message)) return true;
    e = (e as { cause?: unknown; previous?: unknown }).cause ?? (e as { previous?: unknown }).previous;
  }
  return false;
}

/** Seconds a client should wait before retrying a 503 caused by the database. */
export const DB_RETRY_AFTER_SECONDS = 2;

/** Maps any thrown value to the contract's problem+json body. Unknown errors become a bare 500. */
export function toProblem(error: unknown): Problem {
  if (error instanceof RequestValidationError) {
    return problem(400, 'VALIDATION_FAILED', 'The request has invalid fields.', error.errors);
  }
  if (error instanceof DomainError) {
    const errors: FieldError[] | undefined = error.field ? [{ field: error.field, message: error.message }] : undefined;
    return problem(error.status, error.code, error.message, errors);
  }
  if (error instanceof OptimisticLockError) {
    return problem(409, 'STALE_VERSION', 'The record was changed by someone else; reload it and try again', [
      { field: 'version', message: 'is stale' },
    ]);
  }
  if (error instanceof MalformedBodyError)
    return problem(400, 'MALFORMED_JSON', 'The request body is not valid JSON.', [
      { field: 'body', message: error.message },
    ]);
  if (error instanceof UnsupportedBodyError)
    return problem(415, 'UNSUPPORTED_MEDIA_TYPE', 'Request bodies are JSON in UTF-8.', [
      { field: 'body', message: error.message },
    ]);
  if (isFastifyError(error) && error.statusCode >= 400 && error.statusCode < 500) {
    // A path parameter too long to be an id cannot name a resource, like any other unknown id.
    if (error.code === 'FST_ERR_MAX_PARAM_LENGTH') return problem(404, 'NOT_FOUND', 'Resource not found');
    if (error.code === 'FST_ERR_BAD_URL') return problem(400, 'BAD_REQUEST', 'The request URL is malformed.');
    if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE')
      return problem(413, 'PAYLOAD_TOO_LARGE', 'The request body is too large.', [
        { field: 'body', message: 'is too large' },
      ]);
    if (error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE')
      return problem(415, 'UNSUPPORTED_MEDIA_TYPE', 'Request bodies are JSON in UTF-8.', [
        { field: 'body', message: 'must be sent as application/json' },
      ]);
    return problem(error.statusCode, HTTP_CODES[error.statusCode] ?? 'BAD_REQUEST', 'The request could not be read.', [
      { field: 'body', message: error.message },
    ]);
  }
  if (error instanceof HttpException) {
    const status = error.getStatus();
    // The adapter turns Fastify's body errors into these.
    if (status === 413)
      return problem(413, 'PAYLOAD_TOO_LARGE', 'The request body is too large.', [
        { field: 'body', message: 'is too large' },
      ]);
    if (status === 415)
      return problem(415, 'UNSUPPORTED_MEDIA_TYPE', 'Request bodies are JSON in UTF-8.', [
        { field: 'body', message: 'must be sent as application/json' },
      ]);
    const response = error.getResponse();
    const detail =
      typeof response === 'string' ? response : String((response as { message?: unknown }).message ?? error.message);
    return problem(
      status,
      HTTP_CODES[status] ?? (status >= 500 ? 'SERVER_ERROR' : 'CLIENT_ERROR'),
      Array.isArray(detail) ? detail.join('; ') : detail,
    );
  }
  if (error instanceof MalformedPathError)
    return problem(400, 'BAD_REQUEST', 'The request path is malformed.', [{ field: 'path', message: error.message }]);
  const clientStatus = clientErrorStatusOf(error);
  if (clientStatus !== undefined)
    return problem(
      clientStatus,
      HTTP_CODES[clientStatus] ?? 'CLIENT_ERROR',
      (error as Error).message || 'The request could not be served.',
    );
  if (isDatabaseUnavailable(error))
    return problem(503, 'SERVICE_UNAVAILABLE', 'The database is unavailable; try again shortly.');
  return problem(500, 'INTERNAL', 'Something went wrong on our side. The request was not completed.');
}

export function sendProblem(reply: FastifyReply, body: Problem): void {
  if (reply.sent) return;
  if (body.status === 503 && !reply.hasHeader('retry-after'))
    reply.header('retry-after', String(DB_RETRY_AFTER_SECONDS));
  reply.status(body.status).header('content-type', PROBLEM_CONTENT_TYPE).send(JSON.stringify(body));
}

@Catch()
export class ProblemFilter implements ExceptionFilter {
  private readonly logger = new Logger('ProblemFilter');

  catch(error: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const reply = http.getResponse<FastifyReply>();
    const req = http.getRequest<FastifyRequest>();
    const body = toProblem(error);
    if (body.status >= 500) {
      const cause = error instanceof Error ? error.cause : undefined;
      const fields = {
        err: error,
        ...(cause === undefined ? {} : { cause }),
        req: { id: req.id, method: req.method, url: req.url.split('?', 1)[0] },
      };
      if (body.status === 503) this.logger.warn(fields, 'Service unavailable');
      else this.logger.error(fields, 'Unhandled error');
    }
    if (error instanceof DomainError && 'retryAfterSeconds' in error) {
      reply.header('retry-after', String((error as DomainError & { retryAfterSeconds: number }).retryAfterSeconds));
    }
    sendProblem(reply, body);
  }
}
