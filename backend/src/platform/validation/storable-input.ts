import type { FastifyRequest } from 'fastify';
import { RequestValidationError } from './validation';

/** Deeper JSON than any DTO needs; deeper input would only exhaust the stack of the validators. */
export const MAX_INPUT_DEPTH = 32;
/** Half of a UTF-16 surrogate pair on its own (JSON allows "\ud800"; UTF-8 and PostgreSQL do not). */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/**
 * Rejects, as a 400 naming the field, input that no DTO can describe and PostgreSQL cannot store:
 * NUL characters and lone surrogates in strings (text columns refuse them) and absurdly deep nesting. Runs after the
 * JSON parser, before validation, on the body and the query (a preValidation hook, see configure-app).
 */
export function assertStorableInput(req: FastifyRequest): void {
  const problem = findUnstorable(req.body, 'body', true) ?? findUnstorable(req.query, '', true);
  if (problem) throw new RequestValidationError([problem]);
}

export function findUnstorable(
  root: unknown,
  rootName: string,
  isContainer = false,
): { field: string; message: string } | undefined {
  const stack: { value: unknown; field: string; depth: number }[] = [{ value: root, field: rootName, depth: 0 }];
  while (stack.length > 0) {
    const next = stack.pop();
    if (!next) break;
    const { value, field, depth } = next;
    const name = field || 'query';
    if (typeof value === 'string') {
      if (value.includes('\u0000')) return { field: name, message: `${name} must not contain NUL characters` };
      if (LONE_SURROGATE.test(value)) return { field: name, message: `${name} must be valid Unicode text` };
    } else if (value !== null && typeof value === 'object') {
      if (depth > MAX_INPUT_DEPTH)
        return { field: isContainer && rootName === 'body' ? 'body' : name, message: `${name} is nested too deeply` };
      for (const [key, child] of Object.entries(value)) {
        const childField = field === 'body' && depth === 0 ? key : field ? `${field}.${key}` : key;
        stack.push({ value: child, field: childField, depth: depth + 1 });
      }
    }
  }
  return undefined;
}
