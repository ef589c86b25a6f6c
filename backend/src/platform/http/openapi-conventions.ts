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

/**
 * Numbers in this API are integers (versions, counts, limits, statuses); a fractional one says so
 * with `format: 'double'` (or `'float'`). @nestjs/swagger writes every TypeScript `number` as
 * `type: number`, which generators turn into floats.
 */
export function integersByDefault(value: unknown): void {
  walk(value, (node) => {
    if (node['type'] === 'number' && node['format'] === undefined) node['type'] = 'integer';
  });
}

/**
 * Defaults of inputs said in words, not as `default`: generators such as openapi-typescript make a
 * property with a default required in the types they write, so a client would have to send what
 * the server fills in anyway.
 */
export function inputDefaultsAsText(document: OpenAPIObject): void {
  const describe = (node: Record<string, unknown>, holder: Record<string, unknown> = node) => {
    if (!('default' in node)) return;
    const text = `Default: ${JSON.stringify(node['default'])}.`;
    delete node['default'];
    holder['description'] = holder['description'] ? `${String(holder['description'])} ${text}` : text;
  };
  for (const schema of Object.values(document.components?.schemas ?? {})) {
    for (const property of Object.values(
      (schema as { properties?: Record<string, Record<string, unknown>> }).properties ?? {},
    ))
      describe(property);
  }
  for (const item of Object.values(document.paths)) {
    for (const method of METHODS) {
      const operation = (item as Record<string, { parameters?: Record<string, unknown>[] } | undefined>)[method];
      for (const parameter of operation?.parameters ?? []) {
        const schema = parameter['schema'] as Record<string, unknown> | undefined;
        if (schema) describe(schema, parameter);
      }
    }
  }
}

function walk(value: unknown, visit: (node: Record<string, unknown>) => void): void {
  if (Array.isArray(value)) value.forEach((item) => walk(item, visit));
  else if (value && typeof value === 'object') {
    visit(value as Record<string, unknown>);
    Object.values(value).forEach((child) => walk(child, visit));
  }
}
