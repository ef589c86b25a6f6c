// Whole requests for one operation: valid ones and each way of getting them wrong.
import fc from 'fast-check';
import { fillPath, Operation, resolve } from '../contract';
import { invalidBody } from './invalid-bodies';
import { badPathId, invalidQuery, qs, validPathValue, validQuery } from './paths-queries';
import { nastyString } from './strings';
import { validBody } from './valid';
import { Expectation, FuzzRequest, World } from './world';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const JSON_HEADERS = { 'content-type': 'application/json' };
const SESSION_OPS = new Set(['login', 'signup', 'demoLogin', 'logout']);

export function requestsFor(op: Operation, world: World): fc.Arbitrary<FuzzRequest> {
  const throwaway = SESSION_OPS.has(op.operationId);
  const pathValues = fc.record(
    Object.fromEntries(op.pathParams.map((p) => [p.name, validPathValue(op, p, world)])) as Record<
      string,
      fc.Arbitrary<string>
    >,
  );
  const pathKeyFor = (values: Record<string, string>) => fillPath(op.path, values);
  const make = (
    values: Record<string, string>,
    query: Record<string, string>,
    body: unknown,
    expect: Expectation,
    note: string,
    headers: Record<string, string> = body === undefined ? {} : JSON_HEADERS,
    raw?: string,
  ): FuzzRequest => ({
    label: op.operationId,
    method: op.method,
    url: `${fillPath(op.path, values)}${qs(query)}`,
    headers,
    body: raw ?? (body === undefined ? undefined : JSON.stringify(body)),
    throwaway,
    expect,
    note,
  });
  const bodyFor = (b: Record<string, unknown>) => (op.body ? b : undefined);
  const valid = pathValues.chain((values) =>
    fc
      .tuple(validQuery(op, world, pathKeyFor(values)), op.body ? validBody(op, world) : fc.constant({}))
      .map(([query, body]) => make(values, query, bodyFor(body), { kind: 'valid' }, 'valid')),
  );
  const cases: { weight: number; arbitrary: fc.Arbitrary<FuzzRequest> }[] = [{ weight: 5, arbitrary: valid }];

  if (op.body) {
    cases.push({
      weight: 5,
      arbitrary: fc
        .tuple(pathValues, invalidBody(op, world))
        .map(([values, m]) => make(values, {}, m.body, { kind: 'invalid', field: m.field }, m.note)),
    });
    const bodyLevel = fc.tuple(pathValues, validBody(op, world)).chain(([values, body]) => {
      const json = JSON.stringify(body);
      const required = op.body?.required ?? [];
      return fc.oneof(
        fc
          .oneof(
            fc.integer({ min: 1, max: Math.max(1, json.length - 1) }).map((n) => json.slice(0, n)),
            fc.constantFrom('{', '{"a":', "{'a':1}", '{"a":1,}', 'NaN', '\u0000', '{"__proto__":{"x":1}}x'),
          )
          .map((raw) =>
            make(
              values,
              {},
              undefined,
              { kind: 'invalid', field: 'body' },
              `malformed JSON ${JSON.stringify(raw.slice(0, 40))}`,
              JSON_HEADERS,
              raw,
            ),
          ),
        fc
          .constantFrom('[]', '"text"', '42', 'null', 'true', '[{"a":1}]')
          .map((raw) =>
            make(values, {}, undefined, { kind: 'invalid' }, `JSON ${raw} instead of an object`, JSON_HEADERS, raw),
          ),
        fc
          .constantFrom(
            'text/plain',
            'application/x-www-form-urlencoded',
            'multipart/form-data; boundary=x',
            'application/xml',
          )
          .map((type) =>
            make(
              values,
              {},
              undefined,
              required.length > 0 ? { kind: 'invalid', field: required[0], statuses: [400, 415] } : { kind: 'edge' },
              `content-type ${type}`,
              { 'content-type': type },
              json,
            ),
          ),
        fc.constant(
          make(
            values,
            {},
            undefined,
            { kind: 'invalid', statuses: [400, 415] },
            'charset utf-16',
            { 'content-type': 'application/json; charset=utf-16' },
            json,
          ),
        ),
        fc.constant(
          make(
            values,
            {},
            undefined,
            { kind: 'invalid', statuses: [413] },
            '200 kB body',
            JSON_HEADERS,
            JSON.stringify({ ...body, pad: 'p'.repeat(200_000) }),
          ),
        ),
        fc.constant(
          make(
            values,
            {},
            undefined,
            { kind: 'invalid', field: 'body' },
            'deep nesting',
            JSON_HEADERS,
            '['.repeat(5000) + ']'.repeat(5000),
          ),
        ),
      );
    });
    cases.push({ weight: 2, arbitrary: bodyLevel });
    // Valid bodies with hostile strings in one string field: never a 5xx.
    const stringFields = Object.entries(op.body.properties ?? {}).filter(
      ([, s]) => resolve(s).type === 'string' && !resolve(s).enum,
    );
    if (stringFields.length > 0) {
      cases.push({
        weight: 2,
        arbitrary: fc
          .tuple(pathValues, validBody(op, world), fc.constantFrom(...stringFields.map(([n]) => n)), nastyString)
          .map(([values, body, name, nasty]) =>
            make(
              values,
              {},
              { ...body, [name]: nasty },
              { kind: 'edge', field: name },
              `${name}=${JSON.stringify(nasty)}`,
            ),
          ),
      });
    }
  }
  if (!op.body && op.method !== 'GET') {
    // An operation without a body takes none: a field, an array or a scalar is a 400 naming it.
    cases.push({
      weight: 1,
      arbitrary: fc
        .tuple(
          pathValues,
          fc.constantFrom(
            ['{"closedAt":"2026-01-01T00:00:00Z"}', 'closedAt'],
            ['{"x":1}', 'x'],
            ['[]', 'body'],
            ['[{}]', 'body'],
            ['1', 'body'],
            ['"s"', 'body'],
          ),
        )
        .map(([values, [raw, field]]) =>
          make(
            values,
            {},
            undefined,
            { kind: 'invalid', field, statuses: [400] },
            `body ${raw} to an operation without one`,
            JSON_HEADERS,
            raw,
          ),
        ),
    });
  }
  if (op.queryParams.length > 0) {
    cases.push({
      weight: 3,
      arbitrary: fc
        .tuple(pathValues, invalidQuery(op))
        .map(([values, q]) =>
          make(values, q.query, op.body ? {} : undefined, { kind: 'invalid', field: q.field }, q.note),
        ),
    });
    cases.push({
      weight: 1,
      arbitrary: fc
        .tuple(
          pathValues,
          fc.stringMatching(/^[a-z]{2,8}$/).filter((k) => !op.queryParams.some((p) => p.name === k)),
          nastyString,
        )
        .map(([values, k, v]) =>
          make(values, { [k]: v }, op.body ? {} : undefined, { kind: 'edge', field: k }, `unknown query ${k}`),
        ),
    });
  }
  if (op.pathParams.length > 0) {
    cases.push({
      weight: 3,
      arbitrary: fc
        .tuple(
          pathValues,
          fc.constantFrom(...op.pathParams.map((p) => p.name)),
          badPathId,
          op.body ? validBody(op, world) : fc.constant(undefined),
        )
        .map(([values, name, bad, body]) =>
          // An unknown user has no tickets the caller may see: 200 with an empty page is as good as 404 there.
          // An id that decodes to a dot segment, an empty segment, a backslash or NUL makes the path malformed: 400 naming `path`.
          make(
            { ...values, [name]: bad },
            {},
            body,
            op.operationId === 'listUserTickets' && UUID.test(bad)
              ? { kind: 'edge' }
              : { kind: 'invalid', statuses: [404, 400], field: 'path' },
            `${name}=${JSON.stringify(bad.slice(0, 40))}`,
          ),
        ),
    });
  }
  return fc.oneof(...cases);
}
