// Invalid bodies: one mutation on a valid body, naming the field a 400 must report.
import fc from 'fast-check';
import { Operation, resolve, Schema } from '../contract';
import { validBody } from './valid';
import { World } from './world';

export interface Mutation {
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
