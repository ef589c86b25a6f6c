import { OptimisticLockError } from '@mikro-orm/core';
import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { Request, Response } from 'express';
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
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  429: 'TOO_MANY_REQUESTS',
  503: 'SERVICE_UNAVAILABLE',
};

/** Errors raised by body-parser (malformed JSON, too large, bad charset) carry `type` and `status`. */
interface BodyParserError extends Error {
  type: string;
  status: number;
}
function isBodyParserError(error: unknown): error is BodyParserError {
  return error instanceof Error && typeof (error as BodyParserError).type === 'string' && typeof (error as BodyParserError).status === 'number';
}

/** PostgreSQL error classes 08 (connection exception) and 57P (operator intervention: shutdown, cannot connect now). */
const DB_UNAVAILABLE_SQLSTATE = /^(08|57P0[1-4])/;
const DB_UNAVAILABLE_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENOTFOUND', 'EAI_AGAIN']);
/**
 * "Transaction query already complete": knex ends a transaction when one of its own statements
 * (BEGIN, COMMIT) fails — the connection broke — and swallows that error, so the unit of work's
 * next statement is what reports it. Nothing was committed; the client may retry.
 */
const DB_UNAVAILABLE_MESSAGE = /Connection terminated|connection timeout|timeout exceeded when trying to connect|Timeout acquiring a connection|not queryable|terminating connection|the database system is (starting up|shutting down|in recovery)|Connection refused|connect ECONNREFUSED|Client was closed and is not queryable|Transaction query already complete/i;

/** The database cannot be reached (down, restarting, pool exhausted): the request may be retried, so 503, not 500. */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (let e = error, depth = 0; e && typeof e === 'object' && depth < 5; depth++) {
    const { name, code, message } = e as { name?: string; code?: unknown; message?: unknown };
    if (name === 'ConnectionException') return true;
    if (typeof code === 'string' && (DB_UNAVAILABLE_CODES.has(code) || (/^[0-9A-Z]{5}$/.test(code) && DB_UNAVAILABLE_SQLSTATE.test(code)))) return true;
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
    return problem(409, 'STALE_VERSION', 'The record was changed by someone else; reload it and try again', [{ field: 'version', message: 'is stale' }]);
  }
  if (isBodyParserError(error)) {
    if (error.type === 'entity.parse.failed') return problem(400, 'MALFORMED_JSON', 'The request body is not valid JSON.', [{ field: 'body', message: 'must be valid JSON' }]);
    if (error.type === 'entity.too.large') return problem(413, 'PAYLOAD_TOO_LARGE', 'The request body is too large.', [{ field: 'body', message: 'is too large' }]);
    if (error.status >= 400 && error.status < 500) return problem(error.status, HTTP_CODES[error.status] ?? 'BAD_REQUEST', 'The request body could not be read.', [{ field: 'body', message: error.message }]);
  }
  if (error instanceof HttpException) {
    const status = error.getStatus();
    const response = error.getResponse();
    const detail = typeof response === 'string' ? response : String((response as { message?: unknown }).message ?? error.message);
    return problem(status, HTTP_CODES[status] ?? (status >= 500 ? 'SERVER_ERROR' : 'CLIENT_ERROR'), Array.isArray(detail) ? detail.join('; ') : detail);
  }
  if (isDatabaseUnavailable(error)) return problem(503, 'SERVICE_UNAVAILABLE', 'The database is unavailable; try again shortly.');
  return problem(500, 'INTERNAL', 'Something went wrong on our side. The request was not completed.');
}

export function sendProblem(res: Response, body: Problem): void {
  if (res.headersSent) return;
  if (body.status === 503) res.setHeader('Retry-After', String(DB_RETRY_AFTER_SECONDS));
  res.status(body.status).type(PROBLEM_CONTENT_TYPE).send(JSON.stringify(body));
}

@Catch()
export class ProblemFilter implements ExceptionFilter {
  private readonly logger = new Logger('ProblemFilter');

  catch(error: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const res = http.getResponse<Response>();
    const req = http.getRequest<Request>();
    const body = toProblem(error);
    if (body.status === 503) {
      this.logger.warn({ err: error, path: req.path, method: req.method }, 'Database unavailable');
    } else if (body.status >= 500) {
      this.logger.error({ err: error, path: req.path, method: req.method }, 'Unhandled error');
    }
    if (error instanceof DomainError && 'retryAfterSeconds' in error) {
      res.setHeader('Retry-After', String((error as DomainError & { retryAfterSeconds: number }).retryAfterSeconds));
    }
    sendProblem(res, body);
  }
}
