import { createHash } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import { InvalidIdempotencyKeyError } from '../http-conventions.errors';

/** 1 to 255 visible ASCII characters (VCHAR: no space, no control characters). */
const KEY = /^[\x21-\x7e]{1,255}$/;

/** The request's `Idempotency-Key`, or undefined without one; a malformed key is a 400 naming the header. */
export function idempotencyKeyOf(req: FastifyRequest): string | undefined {
  const value = req.headers['idempotency-key'];
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || !KEY.test(value)) throw new InvalidIdempotencyKeyError();
  return value;
}

/** JSON with object keys sorted, so two bodies that differ only in key order are the same request. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.keys(value)
      .sort()
      .filter((key) => (value as Record<string, unknown>)[key] !== undefined)
      .map((key) => `${JSON.stringify(key)}:${canonicalJson((value as Record<string, unknown>)[key])}`);
    return `{${entries.join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

/** What makes two requests with one key the same request: the operation, its path and its body. */
export function requestHash(method: string, path: string, body: unknown): string {
  return createHash('sha256')
    .update(`${method} ${path}\n${canonicalJson(body)}`)
    .digest('base64url');
}
