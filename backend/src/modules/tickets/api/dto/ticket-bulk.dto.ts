import { ApiProperty } from '@nestjs/swagger';
import type { SchemaObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayNotEmpty,
  ArrayUnique,
  IsArray,
  IsIn,
  IsObject,
  isUUID,
  IsUUID,
  ValidateBy,
  ValidateNested,
  ValidationArguments,
} from 'class-validator';
import { BULK_ACTION_TYPES, BulkAction, BulkActionType } from '../../application/ticket-bulk.service';
import { TICKET_PRIORITIES, TICKET_STATUSES } from '../../domain/ticket.enums';

/** At most this many tickets per bulk change (the contract's 1..100). */
export const BULK_MAX_IDS = 100;

const list = (values: readonly string[]) => values.join(', ');

/** Why `value` does not suit the action `type`, or null when it does (an unknown type is action.type's error alone). */
function valueProblem(type: unknown, value: unknown): string | null {
  switch (type) {
    case 'close':
    case 'reopen':
    case 'delete':
      return value === undefined ? null : `action.value is not taken by ${type}`;
    case 'set_priority':
      return (TICKET_PRIORITIES as readonly unknown[]).includes(value)
        ? null
        : `action.value must be one of ${list(TICKET_PRIORITIES)} for set_priority`;
    case 'set_status':
      return (TICKET_STATUSES as readonly unknown[]).includes(value)
        ? null
        : `action.value must be one of ${list(TICKET_STATUSES)} for set_status`;
    case 'set_assignee':
      return typeof value === 'string' && isUUID(value)
        ? null
        : 'action.value must be the id of a user for set_assignee';
    case 'apply_macro':
      return typeof value === 'string' && isUUID(value)
        ? null
        : 'action.value must be the id of a macro for apply_macro';
    default:
      return null;
  }
}

/** `value` checked against its sibling `type` (required, forbidden, an enum value or an id). */
function IsValueOfActionType(): PropertyDecorator {
  return ValidateBy({
    name: 'valueOfActionType',
    validator: {
      validate: (value: unknown, args?: ValidationArguments) =>
        valueProblem((args?.object as { type?: unknown }).type, value) === null,
      defaultMessage: (args?: ValidationArguments) =>
        valueProblem((args?.object as { type?: unknown }).type, args?.value) ?? 'action.value is invalid',
    },
  });
}

const withoutValue = (type: BulkActionType, description: string): SchemaObject => ({
  type: 'object',
  title: type,
  description,
  required: ['type'],
  properties: { type: { type: 'string', enum: [type] } },
});
const withValue = (type: BulkActionType, description: string, value: SchemaObject): SchemaObject => ({
  type: 'object',
  title: type,
  description,
  required: ['type', 'value'],
  properties: { type: { type: 'string', enum: [type] }, value },
});

/** The action in the OpenAPI document: a union discriminated by `type`, each alternative with its own `value`. */
const BULK_ACTION_SCHEMA: SchemaObject = {
  description: 'What to do to each ticket; `value` fits `type` (and is absent for close, reopen and delete)',
  oneOf: [
    withoutValue('close', 'As `POST /api/tickets/{id}/close`'),
    withoutValue('reopen', 'As `POST /api/tickets/{id}/reopen`'),
    withValue('set_priority', 'As `PATCH /api/tickets/{id}` with `priority`', {
      $ref: '#/components/schemas/TicketPriority',
    } as SchemaObject),
    withValue('set_status', 'As `PATCH /api/tickets/{id}` with `status`', {
      $ref: '#/components/schemas/TicketStatus',
    } as SchemaObject),
    withValue('set_assignee', 'As `PATCH /api/tickets/{id}` with `assigneeId` (creator only)', {
      type: 'string',
      format: 'uuid',
      description: 'The id of the user to assign the tickets to',
    }),
    withValue('apply_macro', 'As `POST /api/tickets/{id}/macros/{macroId}/apply`', {
      type: 'string',
      format: 'uuid',
      description: 'The id of a macro the caller may use',
    }),
    withoutValue('delete', 'As `DELETE /api/tickets/{id}` (creator only)'),
  ],
};

export class BulkTicketActionDto {
  @IsIn(BULK_ACTION_TYPES, { message: `action.type must be one of ${list(BULK_ACTION_TYPES)}` })
  type!: BulkActionType;

  @IsValueOfActionType()
  value?: string;
}

export class BulkChangeTicketsDto {
  @ApiProperty({
    type: 'array',
    items: { type: 'string', format: 'uuid' },
    minItems: 1,
    maxItems: BULK_MAX_IDS,
    uniqueItems: true,
    description: 'The tickets to change, each once; the results come back in this order',
  })
  @IsArray({ message: 'ids must be an array of ticket ids' })
  @ArrayNotEmpty({ message: 'ids must name at least one ticket' })
  @ArrayMaxSize(BULK_MAX_IDS, { message: `ids may name at most ${BULK_MAX_IDS} tickets` })
  @IsUUID('all', { each: true, message: 'ids must hold ticket ids' })
  @ArrayUnique((id: unknown) => (typeof id === 'string' ? id.toLowerCase() : id), {
    message: 'ids must not name a ticket twice',
  })
  ids!: string[];

  @ApiProperty({
    description: BULK_ACTION_SCHEMA.description,
    oneOf: BULK_ACTION_SCHEMA.oneOf,
    example: { type: 'set_priority', value: 'high' },
  })
  @IsObject({ message: 'action must be an object with a type' })
  @ValidateNested()
  @Type(() => BulkTicketActionDto)
  // Typed as the union (not the class) so that the document shows the union above, not the validation class.
  action!: BulkAction;
}
