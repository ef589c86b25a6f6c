import { readFileSync } from 'node:fs';
import path from 'node:path';

/** The committed OpenAPI document (libs/sdk/openapi.json): the contract every test here is derived from. */
export interface Schema {
  type?: string;
  format?: string;
  enum?: unknown[];
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  minItems?: number;
  maxItems?: number;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  pattern?: string;
  nullable?: boolean;
  default?: unknown;
  $ref?: string;
  allOf?: Schema[];
  /** A union (macro actions): each alternative is an object schema. */
  oneOf?: Schema[];
  description?: string;
}

export interface Parameter {
  in: 'path' | 'query' | 'header' | 'cookie';
  name: string;
  required?: boolean;
  schema: Schema;
}

export interface Operation {
  operationId: string;
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  path: string;
  pathParams: Parameter[];
  queryParams: Parameter[];
  body?: Schema;
  responses: number[];
}

interface Document {
  paths: Record<
    string,
    Record<
      string,
      {
        operationId: string;
        parameters?: Parameter[];
        requestBody?: { content: Record<string, { schema: Schema }> };
        responses: Record<string, unknown>;
      }
    >
  >;
  components: { schemas: Record<string, Schema> };
}

export const DOCUMENT_PATH = path.resolve(__dirname, '../../../libs/sdk/openapi.json');
const document: Document = JSON.parse(readFileSync(DOCUMENT_PATH, 'utf8'));

/** Resolves `$ref` and single-element `allOf` (how @nestjs/swagger wraps enums), keeping siblings like `nullable`. */
export function resolve(schema: Schema): Schema {
  if (schema.$ref) {
    const name = schema.$ref.replace('#/components/schemas/', '');
    const target = document.components.schemas[name];
    if (!target) throw new Error(`unknown schema ${schema.$ref}`);
    const { $ref: _ref, ...rest } = schema;
    return { ...resolve(target), ...rest };
  }
  if (schema.allOf) {
    const { allOf, ...rest } = schema;
    return allOf.reduce<Schema>((acc, part) => ({ ...acc, ...resolve(part) }), rest);
  }
  return schema;
}

export function operations(): Operation[] {
  const out: Operation[] = [];
  for (const [p, methods] of Object.entries(document.paths)) {
    for (const [method, op] of Object.entries(methods)) {
      const params = (op.parameters ?? []).map((x) => ({ ...x, schema: resolve(x.schema ?? { type: 'string' }) }));
      const json = op.requestBody?.content?.['application/json']?.schema;
      out.push({
        operationId: op.operationId,
        method: method.toUpperCase() as Operation['method'],
        path: p,
        pathParams: params.filter((x) => x.in === 'path'),
        queryParams: params.filter((x) => x.in === 'query'),
        body: json ? resolve(json) : undefined,
        responses: Object.keys(op.responses).map(Number),
      });
    }
  }
  return out.sort((a, b) => a.operationId.localeCompare(b.operationId));
}

/** `/api/tickets/{id}/macros/{macroId}/apply` with the given path values (URL-encoded). */
export function fillPath(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (_, name: string) => {
    if (!(name in values)) throw new Error(`no value for path parameter ${name} of ${template}`);
    // Dots too: a `..` segment must reach the server as a (bad) id, not be resolved by the URL parser.
    // Lone surrogates cannot be percent-encoded: they travel as U+FFFD, as a browser would send them.
    const wellFormed = values[name].replace(
      /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g,
      '\ufffd',
    );
    return encodeURIComponent(wellFormed).replace(/\./g, '%2E');
  });
}
