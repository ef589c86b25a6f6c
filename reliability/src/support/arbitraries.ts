import fc from 'fast-check';
import { randomUUID } from 'node:crypto';
import { fillPath, Operation, Parameter, resolve, Schema } from './contract';

/** Real ids the fuzzing user may name (it owns them), so valid requests reach the use cases. */
export interface World {
  ownUserId: string;
  userIds: string[];
  customers: string[];
  tickets: string[];
  macros: string[];
  triggers: string[];
  messages: string[];
  /** Ids a DELETE may consume (one each), so deletes do not empty the pools above. */
  sacrificial: Record<'customers' | 'tickets' | 'macros' | 'triggers' | 'tokens', string[]>;
  /** nextCursor values seen per list path with the filters they were issued for (a cursor belongs to its query). */
  cursors: Map<string, { filters: Record<string, string>; cursor: string }[]>;
}

export type Expectation =
  /** Valid by the contract: anything but 400 and 5xx, and a documented status. */
  | { kind: 'valid' }
  /** Invalid: a 4xx problem; a 400 must name `field` in errors[]. */
  | { kind: 'invalid'; field?: string; statuses?: number[] }
  /** Odd but legal-looking input (unicode, control characters, unknown query keys): never 5xx; a 400 names `field`. */
  | { kind: 'edge'; field?: string };

export interface FuzzRequest {
  label: string;
  method: string;
  /** Path plus query, relative to the server. */
  url: string;
  headers: Record<string, string>;
  body?: string;
  /** Run it on a fresh cookie jar (login, signup, demo, logout would disturb the fuzzing session). */
  throwaway: boolean;
  expect: Expectation;
  /** Only for reproducible output: what was mutated. */
  note?: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const JSON_HEADERS = { 'content-type': 'application/json' };
const SESSION_OPS = new Set(['login', 'signup', 'demoLogin', 'logout']);

// ---------------------------------------------------------------------------------------------
// Strings

const codePoints = (s: string) => [...s].length;
/** Text that any string field accepts: unicode (astral planes included), no template braces, not blank. */
function text(min: number, max: number): fc.Arbitrary<string> {
  const cap = Math.min(max, 60);
  const lo = Math.max(min, 0);
  const units = fc.oneof(
    { weight: 3, arbitrary: fc.string({ unit: 'grapheme-ascii', minLength: lo, maxLength: cap }) },
    { weight: 2, arbitrary: fc.string({ unit: 'grapheme', minLength: lo, maxLength: Math.min(cap, 20) }) },
    {
      weight: 1,
      arbitrary: fc.constantFrom(
        'Grüße, Jürgen',
        'Ελληνικά',
        '日本語のテキスト',
        'emoji 🎉👩‍💻🏳️‍🌈',
        'עברית',
        'x'.repeat(Math.max(lo, 1)),
      ),
    },
  );
  const exact = max <= 20000 ? fc.constant('a'.repeat(max)) : fc.constant('a');
  return fc
    .oneof({ weight: 9, arbitrary: units }, { weight: 1, arbitrary: exact })
    .filter(
      (s) => codePoints(s) >= lo && codePoints(s) <= max && !s.includes('{') && (lo === 0 || s.trim().length > 0),
    );
}

/** Strings that stress storage and rendering: control characters, NUL, lone surrogates, bidi marks. */
const nastyString = fc.oneof(
  fc.string({
    unit: fc.integer({ min: 0, max: 0x1f }).map((c) => String.fromCharCode(c)),
    minLength: 1,
    maxLength: 20,
  }),
  fc.constantFrom(
    '\u0000',
    'a\u0000b',
    '\ud800',
    'x\udfffy',
    '\u202eevil',
    '\ufeffbom',
    '\r\n\t',
    '%00',
    '../../etc/passwd',
    "'; drop table tickets; --",
    '<script>alert(1)</script>',
    '\\u0000',
  ),
  fc.string({ unit: 'binary', minLength: 1, maxLength: 30 }),
);

const email = fc
  .tuple(
    fc.stringMatching(/^[a-z0-9]{1,12}(\.[a-z0-9]{1,8})?$/),
    fc.stringMatching(/^[a-z0-9]{1,10}$/),
    fc.constantFrom('com', 'org', 'io', 'de'),
  )
  .map(([local, domain, tld]) => `${local}@${domain}.${tld}`);
const url = fc
  .tuple(
    fc.constantFrom('http', 'https'),
    fc.stringMatching(/^[a-z0-9]{1,12}$/),
    fc.stringMatching(/^[a-z0-9/_-]{0,30}$/),
  )
  .map(([scheme, host, p]) => `${scheme}://${host}.example.com/${p}`);

// ---------------------------------------------------------------------------------------------
// Valid values from a schema

const TEMPLATE_PLACEHOLDERS = [
  '{{ticket.title}}',
  '{{ticket.id}}',
  '{{customer.name}}',
  '{{customer.email}}',
  '{{assignee.username}}',
  '{{current_user.username}}',
];
const template = (min: number, max: number) =>
  fc.oneof(
    { weight: 4, arbitrary: text(min, max) },
    {
      weight: 1,
      arbitrary: fc.tuple(text(0, 40), fc.constantFrom(...TEMPLATE_PLACEHOLDERS)).map(([t, p]) => `${t} ${p}`),
    },
  );

function pick(ids: string[]): fc.Arbitrary<string> {
  return ids.length > 0 ? fc.constantFrom(...ids) : fc.uuid();
}

/** A value the contract accepts for one field, given its name (ids come from the world). */
export function validValue(schema: Schema, name: string, world: World, opId: string): fc.Arbitrary<unknown> {
  const s = resolve(schema);
  if (s.enum) return fc.constantFrom(...s.enum);
  switch (name) {
    case 'email':
      return email;
    case 'username':
      return fc.stringMatching(/^[A-Za-z0-9_.-]{3,30}$/);
    case 'password':
      return opId === 'signup' ? text(8, 128) : text(1, 128);
    case 'photoUrl':
      return fc.oneof(url, fc.constant(null));
    case 'customerId':
      return pick(world.customers);
    case 'ticketId':
      return pick(world.tickets);
    case 'macroId':
      return pick(world.macros);
    case 'assigneeId':
    case 'userId':
      return pick(world.userIds);
    case 'version':
      return fc.integer({ min: 1, max: 4 });
    case 'message':
      return template(s.minLength ?? 1, s.maxLength ?? 5000);
  }
  if (s.nullable && s.type === 'string')
    return fc.oneof(
      { weight: 4, arbitrary: text(s.minLength ?? 0, s.maxLength ?? 10000) },
      { weight: 1, arbitrary: fc.constant(null) },
    );
  switch (s.type) {
    case 'string':
      if (s.format === 'uuid') return fc.uuid();
      if (s.pattern) return fc.stringMatching(new RegExp(s.pattern));
      return text(s.minLength ?? 0, s.maxLength ?? 10000);
    case 'number':
    case 'integer':
      return fc.integer({ min: s.minimum ?? 0, max: s.maximum ?? (s.minimum ?? 0) + 1000 });
    case 'boolean':
      return fc.boolean();
    case 'array':
      return fc.uniqueArray(validValue(s.items ?? {}, `${name}[]`, world, opId), {
        minLength: s.minItems ?? 0,
        maxLength: Math.min(s.maxItems ?? 4, 4),
        selector: (v) => JSON.stringify(v),
      });
    case 'object':
    default:
      return validObject(s, world, opId);
  }
}

function validObject(schema: Schema, world: World, opId: string): fc.Arbitrary<Record<string, unknown>> {
  const props = Object.entries(schema.properties ?? {});
  const required = new Set(schema.required ?? []);
  const record: Record<string, fc.Arbitrary<unknown>> = {};
  for (const [name, prop] of props) record[name] = validValue(prop, name, world, opId);
  return fc.record(record, { requiredKeys: [...required] });
}

/** Macro actions: `value` must fit `type` (an enum value, a user id, or a template). */
function macroAction(world: World): fc.Arbitrary<{ type: string; value: string }> {
  const e = (name: string) => resolve({ $ref: `#/components/schemas/${name}` }).enum as string[];
  return fc.oneof(
    fc.constantFrom(...e('TicketStatus')).map((value) => ({ type: 'set_status', value })),
    fc.constantFrom(...e('TicketPriority')).map((value) => ({ type: 'set_priority', value })),
    fc.constantFrom(...e('TicketType')).map((value) => ({ type: 'set_type', value })),
    fc.constantFrom(...e('TicketTopic')).map((value) => ({ type: 'set_topic', value })),
    pick(world.userIds).map((value) => ({ type: 'set_assignee', value })),
    template(1, 2000).map((value) => ({ type: 'add_comment', value })),
  );
}

/** A trigger's event, recipient and conditions must agree (ticket kinds and conditions only for ticket events). */
function triggerRouting(world: World): fc.Arbitrary<Record<string, unknown>> {
  const conditions = validValue(
    { $ref: '#/components/schemas/TriggerConditionsDto' },
    'conditions',
    world,
    'createTrigger',
  );
  const customerMessage = fc.oneof(
    text(1, 5000),
    fc
      .tuple(
        text(0, 40),
        fc.constantFrom(
          '{{customer.name}}',
          '{{customer.email}}',
          '{{current_user.username}}',
          '{{event.name}}',
          '{{event.at}}',
        ),
      )
      .map(([t, p]) => `${t} ${p}`),
  );
  const ticketMessage = fc.oneof(
    template(1, 5000),
    fc
      .tuple(text(0, 40), fc.constantFrom('{{ticket.status}}', '{{event.name}}', '{{event.at}}'))
      .map(([t, p]) => `${t} ${p}`),
  );
  return fc.oneof(
    fc.record(
      {
        event: fc.constant('ticket.closed'),
        recipient: fc.oneof(
          fc.constantFrom({ kind: 'ticket_creator' }, { kind: 'ticket_assignee' }),
          pick(world.userIds).map((userId) => ({ kind: 'user', userId })),
        ),
        conditions,
        message: ticketMessage,
      },
      { requiredKeys: ['event', 'recipient', 'message'] },
    ),
    fc.record(
      {
        event: fc.constant('customer.deleted'),
        recipient: pick(world.userIds).map((userId) => ({ kind: 'user', userId })),
        conditions: fc.constant({}),
        message: customerMessage,
      },
      { requiredKeys: ['event', 'recipient', 'message'] },
    ),
  );
}

/** A valid body for the operation (semantics the schema cannot express are added per operation). */
export function validBody(op: Operation, world: World): fc.Arbitrary<Record<string, unknown>> {
  const base = validObject(op.body ?? { type: 'object' }, world, op.operationId);
  switch (op.operationId) {
    case 'createMacro':
      return fc
        .tuple(base, fc.array(macroAction(world), { minLength: 1, maxLength: 5 }))
        .map(([b, actions]) => ({ ...b, actions }));
    case 'updateMacro':
      return fc
        .tuple(base, fc.option(fc.array(macroAction(world), { minLength: 1, maxLength: 5 }), { nil: undefined }))
        .map(([b, actions]) => {
          const { actions: _drop, ...rest } = b;
          return actions ? { ...rest, actions } : rest;
        });
    case 'createTrigger':
      return fc.tuple(base, triggerRouting(world)).map(([b, routing]) => {
        const { event: _e, recipient: _r, conditions: _c, message: _m, ...rest } = b;
        return { ...rest, ...routing };
      });
    case 'updateTrigger':
      // Event, recipient, conditions and message depend on each other (and on the stored trigger,
      // which earlier runs change): a valid update restates them together.
      return fc.tuple(base, triggerRouting(world)).map(([b, routing]) => {
        const { event: _e, recipient: _r, conditions: _c, message: _m, ...rest } = b;
        return { ...rest, ...routing, conditions: routing['conditions'] ?? {} };
      });
    case 'testTrigger':
      // Which id is needed depends on the trigger's current event: give both.
      return fc.record({ ticketId: pick(world.tickets), customerId: pick(world.customers) });
    case 'applyMacroToTicket':
    case 'previewMacroOnTicket':
      return fc.constant({});
    default:
      return base;
  }
}

// ---------------------------------------------------------------------------------------------
// Invalid bodies: one mutation on a valid body, naming the field a 400 must report

interface Mutation {
  body: unknown;
  field?: string;
  note: string;
}

const wrongTypeFor = (s: Schema): fc.Arbitrary<unknown> => {
  const r = resolve(s);
  const options: fc.Arbitrary<unknown>[] = [fc.constant({ nested: true }), fc.constant([1, 2])];
  if (r.type !== 'string' || r.enum) options.push(fc.string({ maxLength: 5 }).map((x) => `${x}?`));
  if (r.type !== 'number' && r.type !== 'integer') options.push(fc.oneof(fc.integer(), fc.double({ noNaN: true })));
  if (r.type !== 'boolean') options.push(fc.boolean());
  return fc.oneof(...options);
};

function fieldMutations(
  schema: Schema,
  prefix: string,
  depth = 0,
): fc.Arbitrary<(body: Record<string, unknown>) => Mutation>[] {
  const out: fc.Arbitrary<(body: Record<string, unknown>) => Mutation>[] = [];
  const required = schema.required ?? [];
  for (const [name, raw] of Object.entries(schema.properties ?? {})) {
    const s = resolve(raw);
    const field = `${prefix}${name}`;
    const set =
      (value: unknown, note: string) =>
      (body: Record<string, unknown>): Mutation => ({
        body: { ...body, [name]: value },
        field,
        note: `${field}: ${note}`,
      });
    out.push(wrongTypeFor(s).map((v) => set(v, `wrong type ${JSON.stringify(v)}`)));
    // null where the schema does not allow it: a 400 for required fields; optional ones may treat it as absent.
    if (!s.nullable && required.includes(name)) out.push(fc.constant(set(null, 'null')));
    if (required.includes(name)) {
      out.push(
        fc.constant((body: Record<string, unknown>): Mutation => {
          const { [name]: _gone, ...rest } = body;
          return { body: rest, field, note: `${field}: missing` };
        }),
      );
    }
    if (s.enum)
      out.push(
        fc
          .string({ minLength: 1, maxLength: 12 })
          .filter((v) => !s.enum!.includes(v))
          .map((v) => set(v, `not in enum: ${v}`)),
      );
    if (s.type === 'string' && s.maxLength !== undefined && s.maxLength < 20000)
      out.push(
        fc
          .integer({ min: 1, max: 300 })
          .map((extra) => set('z'.repeat(s.maxLength! + extra), `${s.maxLength! + extra} characters`)),
      );
    if (s.type === 'string' && (s.minLength ?? 0) > 0) out.push(fc.constant(set('', 'empty')));
    if (s.type === 'string' && (s.format === 'uuid' || s.format === 'uri' || s.pattern || name === 'email')) {
      // A value the pattern accepts is no bad format (a username may well be 'not-a-value'), unless a format or the email rule rejects it too.
      const pattern = s.pattern && !s.format && name !== 'email' ? new RegExp(s.pattern) : undefined;
      const bad = ['not-a-value', 'javascript:alert(1)', '1', '00000000-0000-0000-0000-00000000000g', 'a@', ' '].filter(
        (v) => !pattern?.test(v),
      );
      if (bad.length > 0) out.push(fc.constantFrom(...bad).map((v) => set(v, `bad format ${v}`)));
    }
    if (s.type === 'number' || s.type === 'integer') {
      const bad = [1.5, -1, 0, 1e21, -1e21, Number.MAX_SAFE_INTEGER + 2].filter(
        (v) =>
          (s.minimum !== undefined && v < s.minimum) ||
          (s.maximum !== undefined && v > s.maximum) ||
          !Number.isInteger(v) ||
          Math.abs(v) > Number.MAX_SAFE_INTEGER,
      );
      if (bad.length > 0) out.push(fc.constantFrom(...bad).map((v) => set(v, `out of range ${v}`)));
    }
    if (s.type === 'array') {
      if ((s.minItems ?? 0) > 0) out.push(fc.constant(set([], 'empty array')));
      if (s.maxItems !== undefined)
        out.push(
          fc.constant(
            set(
              Array.from({ length: s.maxItems + 1 }, () => ({ type: 'set_priority', value: 'high' })),
              `${s.maxItems + 1} items`,
            ),
          ),
        );
      const items = s.items ? resolve(s.items) : undefined;
      // A union of item shapes (macro actions): mutate a set_priority action, with that shape's rules.
      const union = items?.oneOf?.map(resolve);
      const itemSchema = union ? union.find((alt) => alt.properties?.['type']?.enum?.includes('set_priority')) : items;
      if (itemSchema?.properties && depth < 1) {
        for (const inner of fieldMutations(itemSchema, `${field}.0.`, depth + 1)) {
          out.push(
            inner.map((mutate) => (body: Record<string, unknown>): Mutation => {
              const list =
                Array.isArray(body[name]) && (body[name] as unknown[]).length > 0
                  ? (body[name] as Record<string, unknown>[])
                  : [{ type: 'set_priority', value: 'high' }];
              const m = mutate(union ? { type: 'set_priority', value: 'high' } : list[0]);
              return { body: { ...body, [name]: [m.body, ...list.slice(1)] }, field: m.field, note: m.note };
            }),
          );
        }
      }
      if (items?.enum) out.push(fc.constant(set(['not-an-enum-value'], 'unknown enum item')));
    }
    if ((s.type === 'object' || s.properties) && depth < 1) {
      for (const inner of fieldMutations(s, `${field}.`, depth + 1)) {
        out.push(
          inner.map((mutate) => (body: Record<string, unknown>): Mutation => {
            const current =
              body[name] && typeof body[name] === 'object' && !Array.isArray(body[name])
                ? (body[name] as Record<string, unknown>)
                : {};
            const m = mutate(current);
            return { body: { ...body, [name]: m.body }, field: m.field, note: m.note };
          }),
        );
      }
    }
  }
  out.push(
    fc
      .stringMatching(/^[a-z][a-zA-Z]{2,10}$/)
      .filter((k) => !(k in (schema.properties ?? {})))
      .map((k) => (body: Record<string, unknown>): Mutation => ({
        body: { ...body, [k]: 'x' },
        field: `${prefix}${k}`,
        note: `unknown field ${prefix}${k}`,
      })),
  );
  return out;
}

export function invalidBody(op: Operation, world: World): fc.Arbitrary<Mutation> {
  const mutations = fieldMutations(op.body!, '');
  return fc.tuple(validBody(op, world), fc.oneof(...mutations)).map(([body, mutate]) => mutate(body));
}

// ---------------------------------------------------------------------------------------------
// Paths and queries

const POOL_BY_PREFIX: [RegExp, keyof Omit<World, 'ownUserId' | 'sacrificial' | 'cursors'> | 'tokens'][] = [
  [/^\/api\/tickets\/\{id\}/, 'tickets'],
  [/^\/api\/customers\/\{id\}/, 'customers'],
  [/^\/api\/macros\/\{id\}/, 'macros'],
  [/^\/api\/triggers\/\{id\}/, 'triggers'],
  [/^\/api\/messages\/\{id\}/, 'messages'],
  [/^\/api\/auth\/tokens\/\{id\}/, 'tokens'],
  [/^\/api\/users\/\{id\}/, 'userIds'],
];

function validPathValue(op: Operation, param: Parameter, world: World): fc.Arbitrary<string> {
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

const badPathId = fc
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

function validQuery(op: Operation, world: World, pathKey: string): fc.Arbitrary<Record<string, string>> {
  const record: Record<string, fc.Arbitrary<string>> = {};
  const seen = world.cursors.get(pathKey) ?? [];
  for (const p of op.queryParams) {
    if (p.name === 'cursor') continue;
    if (p.name === 'limit') record['limit'] = fc.integer({ min: 1, max: 100 }).map(String);
    else if (p.schema.enum) record[p.name] = fc.constantFrom(...(p.schema.enum as string[]));
    else record[p.name] = text(0, Math.min(p.schema.maxLength ?? 200, 200));
  }
  const fresh = fc.record(record, { requiredKeys: [] }) as fc.Arbitrary<Record<string, string>>;
  if (seen.length === 0) return fresh;
  // The next page of a list seen before: same filters, its cursor, any limit.
  const next = fc
    .tuple(fc.constantFrom(...seen), fc.option(fc.integer({ min: 1, max: 100 }), { nil: undefined }))
    .map(([s, limit]) => ({ ...s.filters, cursor: s.cursor, ...(limit ? { limit: String(limit) } : {}) }));
  return fc.oneof({ weight: 2, arbitrary: fresh }, { weight: 1, arbitrary: next });
}

function invalidQuery(op: Operation): fc.Arbitrary<{ query: Record<string, string>; field: string; note: string }> {
  const options: fc.Arbitrary<{ query: Record<string, string>; field: string; note: string }>[] = [];
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
    if (p.schema.enum)
      options.push(
        fc
          .string({ minLength: 1, maxLength: 10 })
          .filter((v) => !p.schema.enum!.includes(v))
          .map((v) => ({ query: { [p.name]: v }, field: p.name, note: `${p.name}=${v}` })),
      );
    if (p.name === 'q' && p.schema.maxLength)
      options.push(fc.constant({ query: { q: 'q'.repeat(p.schema.maxLength + 1) }, field: 'q', note: 'q too long' }));
  }
  return fc.oneof(...options);
}

const qs = (q: Record<string, string>) => {
  const s = new URLSearchParams(q).toString();
  return s ? `?${s}` : '';
};

// ---------------------------------------------------------------------------------------------
// Whole requests

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
