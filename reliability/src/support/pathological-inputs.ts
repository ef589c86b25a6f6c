import { Operation, resolve, Schema } from './contract';

/**
 * Known pathological inputs for regular expressions, scanners and LIKE patterns: fixed strings (no
 * randomness), each made to a requested length in UTF-16 code units. `ascii` ones can travel in
 * headers too.
 */
export interface Family {
  name: string;
  ascii: boolean;
  make: (n: number) => string;
}

/** `unit` repeated and cut to `n` code units (never inside a surrogate pair: the units are BMP). */
const fill = (unit: string, n: number) => (n <= 0 ? '' : unit.repeat(Math.ceil(n / unit.length)).slice(0, n));
/** Whole code points of `unit`, repeated while they fit in `n` code units (no lone surrogate). */
function fillCodePoints(unit: string, n: number): string {
  const points = [...unit];
  let out = '';
  for (let i = 0; ; i++) {
    const next = points[i % points.length];
    if (out.length + next.length > n) return out;
    out += next;
  }
}

export const FAMILIES: Family[] = [
  { name: 'template: {{ and spaces', ascii: true, make: (n) => `{{${' '.repeat(Math.max(n - 2, 0))}` },
  { name: 'template: "{{ " repeated', ascii: true, make: (n) => fill('{{ ', n) },
  { name: 'template: nested {{{{', ascii: true, make: (n) => '{'.repeat(n) },
  { name: 'template: nested {{{{a}}}}', ascii: true, make: (n) => fill('{{{{a}}}}', n) },
  {
    name: 'template: {{ and unicode whitespace',
    ascii: false,
    make: (n) => `{{${fill(' \t\n\r\u00a0\u2028\u3000\ufeff', n - 2)}`,
  },
  { name: 'template: lone closers {{ a }', ascii: true, make: (n) => fill('{{ a }', n) },
  { name: 'regex: a…a! ((a+)+ killer)', ascii: true, make: (n) => `${'a'.repeat(Math.max(n - 1, 0))}!` },
  { name: 'regex: a…a then a space and x', ascii: true, make: (n) => `${'a'.repeat(Math.max(n - 2, 0))} x` },
  { name: 'email: a@ repeated', ascii: true, make: (n) => fill('a@', n) },
  { name: 'email: dots', ascii: true, make: (n) => '.'.repeat(n) },
  {
    name: 'email: long local part, many labels',
    ascii: true,
    make: (n) => `${'a'.repeat(Math.floor(n / 2))}@${fill('a.', n - Math.floor(n / 2) - 1)}`,
  },
  {
    name: 'email: quoted local part of escapes',
    ascii: true,
    make: (n) => `"${fill('\\ ', n - 9)}"@a.com`.slice(0, n),
  },
  { name: 'username: a.a.a.…', ascii: true, make: (n) => fill('a.', n) },
  { name: 'url: http:// and labels', ascii: true, make: (n) => `http://${fill('a.', n - 7)}`.slice(0, n) },
  {
    name: 'url: http://[ and colons',
    ascii: true,
    make: (n) => `http://[${':'.repeat(Math.max(n - 8, 0))}`.slice(0, n),
  },
  { name: 'like: %', ascii: true, make: (n) => '%'.repeat(n) },
  { name: 'like: _', ascii: true, make: (n) => '_'.repeat(n) },
  { name: 'like: backslashes', ascii: true, make: (n) => '\\'.repeat(n) },
  { name: 'like: %_\\ mixed', ascii: true, make: (n) => fill('%_\\', n) },
  { name: 'search: many words and operators', ascii: true, make: (n) => fill('a or -"b ', n) },
  { name: 'whitespace run', ascii: true, make: (n) => ' '.repeat(n) },
  {
    name: 'unicode: scripts, astral, combining, bidi',
    ascii: false,
    make: (n) => fillCodePoints('é漢🎉e\u0301\u202eא🏳️‍🌈', n),
  },
  {
    name: 'cursor: forged base64url.signature',
    ascii: true,
    make: (n) => `${fill('A', n - 23)}.${'A'.repeat(Math.min(22, n - 1))}`.slice(0, n),
  },
];

export type Segment = string | number;

/** One string input of an operation: a body property (dotted path, array items at index 0), a query or a path parameter. */
export interface StringField {
  in: 'body' | 'query' | 'path';
  path: Segment[];
  maxLength?: number;
}

export const fieldName = (f: StringField) => `${f.in}:${f.path.join('.')}`;

/** Every string leaf of a body schema (through objects and arrays). */
function bodyStrings(schema: Schema, path: Segment[], out: StringField[], depth = 0): void {
  const s = resolve(schema);
  if (depth > 8) return;
  if (s.type === 'array') return bodyStrings(s.items ?? {}, [...path, 0], out, depth + 1);
  if (s.type === 'string' || (s.enum && s.type !== 'array')) {
    out.push({ in: 'body', path, maxLength: s.maxLength });
    return;
  }
  for (const alternative of s.oneOf ?? []) bodyStrings(alternative, path, out, depth + 1);
  for (const [name, prop] of Object.entries(s.properties ?? {})) bodyStrings(prop, [...path, name], out, depth + 1);
}

/** Every string input of an operation, as the document describes it. */
export function stringFields(op: Operation): StringField[] {
  const out: StringField[] = [];
  for (const p of op.pathParams) out.push({ in: 'path', path: [p.name] });
  for (const p of op.queryParams)
    if (resolve(p.schema).type === 'string')
      out.push({ in: 'query', path: [p.name], maxLength: resolve(p.schema).maxLength });
  if (op.body) bodyStrings(op.body, [], out);
  // A union's alternatives share field paths (actions.0.value): each path once, at its longest limit.
  const byPath = new Map<string, StringField>();
  for (const field of out) {
    const key = fieldName(field);
    const seen = byPath.get(key);
    if (!seen || (seen.maxLength !== undefined && (field.maxLength === undefined || field.maxLength > seen.maxLength)))
      byPath.set(key, field);
  }
  return [...byPath.values()];
}

/** A deep copy of `base` with `value` at `path` (missing objects and arrays are created). */
export function withValue(base: Record<string, unknown>, path: Segment[], value: unknown): Record<string, unknown> {
  const root = structuredClone(base);
  let node: Record<string | number, unknown> = root;
  path.forEach((segment, i) => {
    if (i === path.length - 1) {
      node[segment] = value;
      return;
    }
    const existing = node[segment];
    if (existing === null || typeof existing !== 'object') node[segment] = typeof path[i + 1] === 'number' ? [] : {};
    node = node[segment] as Record<string | number, unknown>;
  });
  return root;
}

/**
 * The longest `make(n)` whose encoding (`size`, the whole request part it travels in) stays within
 * `budget`: the families are periodic, so the cost per code unit measured on two samples predicts
 * the length, and a correction or two trims what the prediction left over.
 */
export function fitted(make: (n: number) => string, budget: number, size: (value: string) => number): string {
  const [small, large] = [size(make(1000)), size(make(2000))];
  const perUnit = Math.max((large - small) / 1000, 1e-3);
  let n = Math.max(1, Math.floor((budget - (small - 1000 * perUnit)) / perUnit));
  let value = make(n);
  while (size(value) > budget && n > 1) {
    n = Math.floor(n * 0.99);
    value = make(n);
  }
  return value;
}
