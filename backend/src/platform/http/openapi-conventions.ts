import type { OpenAPIObject } from '@nestjs/swagger';
import { problemResponse } from './problem-examples';

type Operation = { requestBody?: unknown; responses?: Record<string, unknown> } & Record<string, unknown>;
const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'] as const;

/**
 * The error answers every operation can give whatever its controller declares: 400 (a malformed
 * path, an unknown query parameter, a body where none is taken), 413 and 415 where a body is read,
 * and 503 when the database is unreachable. Added here once, so no operation can forget them.
 */
export function documentCommonProblems(document: OpenAPIObject): void {
  for (const item of Object.values(document.paths)) {
    for (const method of METHODS) {
      const operation = (item as Record<string, Operation | undefined>)[method];
      if (!operation) continue;
      const responses = (operation.responses ??= {});
      const statuses = [400, ...(operation.requestBody ? [413, 415] : []), 503];
      for (const status of statuses) responses[String(status)] ??= problemResponse(status);
    }
  }
}

/**
 * `allOf` with a single `$ref` and nothing beside it is how @nestjs/swagger writes a property of an
 * enum type; it means the `$ref` itself (and generators and linters read it better as one).
 */
export function collapseSingleAllOf(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(collapseSingleAllOf);
  if (!value || typeof value !== 'object') return value;
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record);
  const allOf = record['allOf'];
  if (keys.length === 1 && Array.isArray(allOf) && allOf.length === 1) return collapseSingleAllOf(allOf[0]);
  return Object.fromEntries(keys.map((key) => [key, collapseSingleAllOf(record[key])]));
}
