// Valid values from a schema, and valid bodies (with the semantics the schema cannot express).
import {
  CUSTOMER_EVENT_PLACEHOLDERS,
  MACRO_PLACEHOLDERS,
  type Placeholder,
  placeholderToken,
  TICKET_EVENT_PLACEHOLDERS,
} from '@bw/shared';
import fc from 'fast-check';
import { Operation, resolve, Schema } from '../contract';
import { email, text, url } from './strings';
import { World } from './world';

/** `{{name}}` of each placeholder in `list`. */
const tokens = (list: readonly Placeholder[]) => list.map((p) => placeholderToken(p.name));
const TEMPLATE_PLACEHOLDERS = tokens(MACRO_PLACEHOLDERS);
/** What a ticket event's message may use beyond a macro's. */
const TICKET_EVENT_EXTRAS = tokens(TICKET_EVENT_PLACEHOLDERS).filter((t) => !TEMPLATE_PLACEHOLDERS.includes(t));
const template = (min: number, max: number) =>
  fc.oneof(
    { weight: 4, arbitrary: text(min, max) },
    {
      weight: 1,
      arbitrary: fc.tuple(text(0, 40), fc.constantFrom(...TEMPLATE_PLACEHOLDERS)).map(([t, p]) => `${t} ${p}`),
    },
  );

export function pick(ids: string[]): fc.Arbitrary<string> {
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
    case 'dueAt':
      return fc.oneof(
        fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2100, 0, 1) }).map((ms) => new Date(ms).toISOString()),
        fc.constant(null),
      );
    case 'url':
      // A webhook's address: https on a public address literal (no DNS lookup in the check).
      return fc.constantFrom('https://93.184.215.14/hooks/a', 'https://[2606:2800:21f:cb07:6820:80da:af6b:8b2c]/b');
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

/**
 * A bulk change's action: `value` must fit `type` (an enum value, an existing user, a macro the
 * caller may use). Not `delete`: it would take the world's tickets from the other operations.
 */
function bulkAction(world: World): fc.Arbitrary<{ type: string; value?: string }> {
  const e = (name: string) => resolve({ $ref: `#/components/schemas/${name}` }).enum as string[];
  return fc.oneof(
    fc.constantFrom({ type: 'close' }, { type: 'reopen' }),
    fc.constantFrom(...e('TicketPriority')).map((value) => ({ type: 'set_priority', value })),
    fc.constantFrom(...e('TicketStatus')).map((value) => ({ type: 'set_status', value })),
    pick(world.userIds).map((value) => ({ type: 'set_assignee', value })),
    pick(world.macros).map((value) => ({ type: 'apply_macro', value })),
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
    fc.tuple(text(0, 40), fc.constantFrom(...tokens(CUSTOMER_EVENT_PLACEHOLDERS))).map(([t, p]) => `${t} ${p}`),
  );
  const ticketMessage = fc.oneof(
    template(1, 5000),
    fc.tuple(text(0, 40), fc.constantFrom(...TICKET_EVENT_EXTRAS)).map(([t, p]) => `${t} ${p}`),
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
    case 'bulkChangeTickets':
      return fc.record({
        ids: fc.uniqueArray(pick(world.tickets), { minLength: 1, maxLength: 4 }),
        action: bulkAction(world),
      });
    default:
      return base;
  }
}
