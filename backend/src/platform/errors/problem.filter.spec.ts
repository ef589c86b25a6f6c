import { PayloadTooLargeException, UnsupportedMediaTypeException } from '@nestjs/common';
import { MalformedBodyError, MalformedPathError, toProblem, UnsupportedBodyError } from './problem.filter';

describe('toProblem for database outages', () => {
  it.each([
    ['pg-pool connect timeout', new Error('timeout exceeded when trying to connect')],
    ['connection refused', Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' })],
    ['terminated', new Error('Connection terminated unexpectedly')],
    [
      'admin shutdown',
      Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' }),
    ],
    ['knex pool', new Error('Knex: Timeout acquiring a connection. The pool is probably full.')],
    [
      'knex transaction ended by a broken connection',
      Object.assign(new Error('Transaction query already complete, run with DEBUG=knex:tx for more info'), {
        name: 'DriverException',
      }),
    ],
    [
      'wrapped',
      Object.assign(new Error('driver error'), { previous: Object.assign(new Error('x'), { code: '08006' }) }),
    ],
  ])('answers 503 for %s', (_name, error) => {
    expect(toProblem(error).status).toBe(503);
  });

  it('keeps other errors a bare 500', () => {
    expect(toProblem(new Error('undefined is not a function'))).toMatchObject({ status: 500, code: 'INTERNAL' });
  });
});

describe('toProblem for request bodies and routing', () => {
  const fastifyError = (code: string, statusCode: number) => Object.assign(new Error(code), { code, statusCode });

  it('names the body for malformed, unsupported and oversized bodies', () => {
    expect(toProblem(new MalformedBodyError())).toMatchObject({
      status: 400,
      code: 'MALFORMED_JSON',
      errors: [{ field: 'body' }],
    });
    expect(toProblem(new UnsupportedBodyError('charset latin1 is not supported'))).toMatchObject({
      status: 415,
      errors: [{ field: 'body', message: 'charset latin1 is not supported' }],
    });
    expect(toProblem(fastifyError('FST_ERR_CTP_BODY_TOO_LARGE', 413))).toMatchObject({
      status: 413,
      errors: [{ field: 'body' }],
    });
    expect(toProblem(fastifyError('FST_ERR_CTP_INVALID_MEDIA_TYPE', 415))).toMatchObject({
      status: 415,
      errors: [{ field: 'body' }],
    });
    expect(toProblem(new UnsupportedMediaTypeException())).toMatchObject({ status: 415, errors: [{ field: 'body' }] });
    expect(toProblem(new PayloadTooLargeException())).toMatchObject({ status: 413, errors: [{ field: 'body' }] });
  });

  it('answers a path parameter over the router limit like an unknown id, and a malformed URL with 400', () => {
    expect(toProblem(fastifyError('FST_ERR_MAX_PARAM_LENGTH', 414))).toMatchObject({ status: 404, code: 'NOT_FOUND' });
    expect(toProblem(fastifyError('FST_ERR_BAD_URL', 400))).toMatchObject({ status: 400 });
  });

  it('answers a non-canonical path with 400 naming the path', () => {
    expect(toProblem(new MalformedPathError())).toMatchObject({
      status: 400,
      code: 'BAD_REQUEST',
      errors: [{ field: 'path' }],
    });
  });

  it("keeps the client errors of Fastify's plugins (http-errors: status and statusCode) instead of a 500", () => {
    const httpError = (message: string, status: number) =>
      Object.assign(new Error(message), { status, statusCode: status });
    expect(toProblem(httpError('Forbidden', 403))).toMatchObject({ status: 403, code: 'FORBIDDEN' });
    expect(toProblem(httpError('Precondition Failed', 412))).toMatchObject({
      status: 412,
      code: 'PRECONDITION_FAILED',
      title: 'Precondition Failed',
    });
    expect(toProblem(httpError('Range Not Satisfiable', 416))).toMatchObject({
      status: 416,
      code: 'RANGE_NOT_SATISFIABLE',
    });
    expect(toProblem(Object.assign(new Error('teapot'), { status: 418 }))).toMatchObject({
      status: 418,
      code: 'CLIENT_ERROR',
    });
    expect(toProblem(httpError('Internal', 500))).toMatchObject({ status: 500, code: 'INTERNAL' });
  });
});
