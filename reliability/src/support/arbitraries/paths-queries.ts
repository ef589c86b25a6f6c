// Path ids (real, consumed by a DELETE, or bad) and queries (valid, the next page, or invalid).
import fc from 'fast-check';
import { randomUUID } from 'node:crypto';
import { Operation, Parameter } from '../contract';
import { nastyString, text } from './strings';
import { pick } from './valid';
import { World } from './world';

const POOL_BY_PREFIX: [RegExp, keyof Omit<World, 'ownUserId' | 'sacrificial' | 'cursors'> | 'tokens'][] = [
  [/^\/api\/tickets\/\{id\}/, 'tickets'],
  [/^\/api\/customers\/\{id\}/, 'customers'],
  [/^\/api\/macros\/\{id\}/, 'macros'],
  [/^\/api\/triggers\/\{id\}/, 'triggers'],
  [/^\/api\/messages\/\{id\}/, 'messages'],
  [/^\/api\/auth\/tokens\/\{id\}/, 'tokens'],
  [/^\/api\/users\/\{id\}/, 'userIds'],
];

export function validPathValue(op: Operation, param: Parameter, world: World): fc.Arbitrary<string> {
  if (param.name === 'macroId') return pick(world.macros);
  const pool = POOL_BY_PREFIX.find(([re]) => re.test(op.path))?.[1];
  if (!pool) return fc.uuid();
  if (op.method === 'DELETE' || pool === 'tokens') {
    const key = pool as keyof World['sacrificial'];
    // Consumed at run time (see takeSacrificial); a fresh uuid when they are used up.
    return fc.constant(`sacrificial:${key}`);
  }
  if (pool === 'userIds')
    return fc.oneof(
      { weight: 3, arbitrary: fc.constant(world.ownUserId) },
      { weight: 1, arbitrary: pick(world.userIds) },
    );
  return pick(world[pool] as string[]);
}

export function takeSacrificial(value: string, world: World): string {
  if (!value.startsWith('sacrificial:')) return value;
  const key = value.slice('sacrificial:'.length) as keyof World['sacrificial'];
  return world.sacrificial[key].pop() ?? randomUUID();
}

export const badPathId = fc
  .oneof(
    fc.uuid(),
    // ('.' and '..' cannot be sent as a path segment: URL parsers resolve them, even percent-encoded.)
    fc.constantFrom(
      '1',
      '0',
      '-1',
      'null',
      'undefined',
      '%00',
      '...',
      'a'.repeat(5000),
      '00000000-0000-0000-0000-000000000000',
      "1' or '1'='1",
      '9999999999999999999999',
    ),
    fc.string({ unit: 'grapheme', minLength: 1, maxLength: 40 }),
    nastyString,
  )
  .filter((v) => v !== '.' && v !== '..');

export function validQuery(op: Operation, world: World, pathKey: string): fc.Arbitrary<Record<string, string>> {
  const record: Record<string, fc.Arbitrary<string>> = {};
  const seen = world.cursors.get(pathKey) ?? [];
  for (const p of op.queryParams) {
    if (p.name === 'cursor') continue;
    if (p.name === 'limit') record['limit'] = fc.integer({ min: 1, max: 100 }).map(String);
    else if (p.schema.enum) record[p.name] = fc.constantFrom(...(p.schema.enum as string[]));
    else if (p.schema.type === 'boolean') record[p.name] = fc.constantFrom('true', 'false');
    // A date range (the stats' from/to): every `from` is before every `to`, and within a year of it.
    else if (p.schema.format === 'date')
      record[p.name] = fc.constantFrom(
        ...(p.name === 'to' ? ['2026-03-29', '2026-06-30', '2026-12-31'] : ['2026-01-01', '2026-02-15', '2026-03-28']),
      );
    else if (p.name === 'tz')
      record[p.name] = fc.constantFrom('UTC', 'Europe/Berlin', 'Asia/Kolkata', 'Pacific/Chatham');
    else if (p.schema.pattern) record[p.name] = fc.stringMatching(new RegExp(p.schema.pattern));
    else if (p.schema.format === 'uuid') record[p.name] = fc.uuid();
    else record[p.name] = text(0, Math.min(p.schema.maxLength ?? 200, 200));
  }
  const required = op.queryParams.filter((p) => p.required && p.name in record).map((p) => p.name);
  const fresh = fc.record(record, { requiredKeys: required }) as fc.Arbitrary<Record<string, string>>;
  if (seen.length === 0) return fresh;
  // The next page of a list seen before: same filters, its cursor, any limit.
  const next = fc
    .tuple(fc.constantFrom(...seen), fc.option(fc.integer({ min: 1, max: 100 }), { nil: undefined }))
    .map(([s, limit]) => ({ ...s.filters, cursor: s.cursor, ...(limit ? { limit: String(limit) } : {}) }));
  return fc.oneof({ weight: 2, arbitrary: fresh }, { weight: 1, arbitrary: next });
}

export function invalidQuery(
  op: Operation,
): fc.Arbitrary<{ query: Record<string, string>; field: string; note: string }> {
  const options: fc.Arbitrary<{ query: Record<string, string>; field: string; note: string }>[] = [];
  // The required date range, valid, so that the one bad parameter is the only thing wrong.
  const base: Record<string, string> = {};
  for (const p of op.queryParams)
    if (p.required && p.schema.format === 'date') base[p.name] = p.name === 'to' ? '2026-03-29' : '2026-01-01';
  for (const p of op.queryParams) {
    if (p.name === 'limit')
      options.push(
        fc
          .constantFrom('0', '101', '-1', '2.5', 'abc', '1e3', '99999999999999999999', 'NaN')
          .map((v) => ({ query: { limit: v }, field: 'limit', note: `limit=${v}` })),
      );
    if (p.name === 'cursor')
      options.push(
        fc
          .oneof(
            fc.string({ minLength: 1, maxLength: 80 }),
            fc.base64String({ minLength: 4, maxLength: 80 }),
            fc.constantFrom('eyJhIjoxfQ.abc', '.', 'a.b.c', 'W10.AAAAAAAAAAAAAAAAAAAAAA', 'x'.repeat(600)),
          )
          .map((v) => ({ query: { cursor: v }, field: 'cursor', note: `cursor=${JSON.stringify(v)}` })),
      );
    if (p.schema.pattern) {
      const pattern = new RegExp(p.schema.pattern);
      options.push(
        fc
          .string({ minLength: 1, maxLength: 12 })
          .filter((v) => !pattern.test(v))
          .map((v) => ({ query: { [p.name]: v }, field: p.name, note: `${p.name}=${v}` })),
      );
    }
    if (p.schema.enum)
      options.push(
        fc
          .string({ minLength: 1, maxLength: 10 })
          .filter((v) => !p.schema.enum!.includes(v))
          .map((v) => ({ query: { [p.name]: v }, field: p.name, note: `${p.name}=${v}` })),
      );
    if (p.schema.type === 'boolean')
      options.push(
        fc
          .constantFrom('yes', '1', 'TRUE', 'no')
          .map((v) => ({ query: { ...base, [p.name]: v }, field: p.name, note: `${p.name}=${v}` })),
      );
    if (p.schema.format === 'date')
      options.push(
        fc
          .constantFrom('2026-02-30', '2026-1-01', 'tomorrow', '2026-13-01')
          .map((v) => ({ query: { ...base, [p.name]: v }, field: p.name, note: `${p.name}=${v}` })),
      );
    if (p.name === 'tz')
      options.push(
        fc
          .constantFrom('Mars/Olympus_Mons', 'europe/berlin', 'UTC+1')
          .map((v) => ({ query: { ...base, [p.name]: v }, field: p.name, note: `${p.name}=${v}` })),
      );
    if (p.name === 'q' && p.schema.maxLength)
      options.push(fc.constant({ query: { q: 'q'.repeat(p.schema.maxLength + 1) }, field: 'q', note: 'q too long' }));
  }
  return fc.oneof(...options);
}

export const qs = (q: Record<string, string>) => {
  const s = new URLSearchParams(q).toString();
  return s ? `?${s}` : '';
};
