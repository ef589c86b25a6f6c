import type { ReferenceObject, SchemaObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';
import { TICKET_ACTION_TYPES, type TicketActionType } from '../../../tickets';

/** What `value` is for each action `type` (the rules MacroActionDto's validation enforces). */
const VALUE_SCHEMAS: Record<TicketActionType, SchemaObject | ReferenceObject> = {
  set_status: { $ref: '#/components/schemas/TicketStatus' },
  set_priority: { $ref: '#/components/schemas/TicketPriority' },
  set_type: { $ref: '#/components/schemas/TicketType' },
  set_topic: { $ref: '#/components/schemas/TicketTopic' },
  set_assignee: { type: 'string', format: 'uuid', description: 'The id of the user to assign the ticket to' },
  add_comment: {
    type: 'string',
    maxLength: 10000,
    description: 'Comment text; may hold the macro placeholders such as {{customer.name}}',
  },
};

/**
 * One macro action in the OpenAPI document: a union discriminated by `type`, so a generated client
 * types `{type: 'set_priority', value: 'banana'}` as the error it is.
 */
export const MACRO_ACTION_SCHEMA: SchemaObject = {
  description: 'One action; its `value` fits its `type`',
  oneOf: TICKET_ACTION_TYPES.map((type) => ({
    type: 'object',
    title: type,
    required: ['type', 'value'],
    properties: { type: { type: 'string', enum: [type] }, value: VALUE_SCHEMAS[type] },
  })),
};
