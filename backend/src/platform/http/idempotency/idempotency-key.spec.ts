import type { FastifyRequest } from 'fastify';
import { InvalidIdempotencyKeyError } from '../http-conventions.errors';
import { canonicalJson, idempotencyKeyOf, requestHash } from './idempotency-key';

const withKey = (value: string | string[] | undefined) =>
  ({ headers: value === undefined ? {} : { 'idempotency-key': value } }) as unknown as FastifyRequest;

describe('the Idempotency-Key header', () => {
  it('takes 1 to 255 visible ASCII characters', () => {
    expect(idempotencyKeyOf(withKey(undefined))).toBeUndefined();
    expect(idempotencyKeyOf(withKey('a'))).toBe('a');
    expect(idempotencyKeyOf(withKey('!~'.repeat(127) + 'x'))).toHaveLength(255);
  });

  it.each([[''], ['x'.repeat(256)], ['a b'], ['tab\t'], ['é'], [['a', 'b']]])('refuses %j', (value) => {
    expect(() => idempotencyKeyOf(withKey(value))).toThrow(InvalidIdempotencyKeyError);
  });
});

describe('the request hash', () => {
  it('ignores key order and undefined fields, and tells bodies, paths and methods apart', () => {
    expect(canonicalJson({ b: [1, { d: 1, c: 2 }], a: null, u: undefined })).toBe('{"a":null,"b":[1,{"c":2,"d":1}]}');
    expect(requestHash('POST', '/api/tickets', { a: 1, b: 2 })).toBe(
      requestHash('POST', '/api/tickets', { b: 2, a: 1 }),
    );
    expect(requestHash('POST', '/api/tickets', { a: 1 })).not.toBe(requestHash('POST', '/api/tickets', { a: 2 }));
    expect(requestHash('POST', '/api/tickets', { a: 1 })).not.toBe(requestHash('POST', '/api/customers', { a: 1 }));
  });
});
