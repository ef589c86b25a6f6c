import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  IsBoolean,
  IsDateString,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUrl,
  IsUUID,
  Length,
  Matches,
  MaxLength,
  Min,
  ValidateIf,
} from 'class-validator';
import { DEMO_EXAMPLE_IDS } from '../../../../platform/http/demo-examples';
import { PageQueryDto } from '../../../../platform/pagination/page-query.dto';
import {
  TICKET_BOXES,
  TICKET_PRIORITIES,
  TICKET_SORTS,
  TICKET_STATUSES,
  TICKET_TOPICS,
  TICKET_TYPES,
  TicketBox,
  TicketPriority,
  TicketSort,
  TicketStatus,
  TicketTopic,
  TicketType,
} from '../../domain/ticket.enums';

const HTTP_URL = {
  protocols: ['http', 'https'],
  require_protocol: true,
  require_valid_protocol: true,
  require_tld: false,
};
const list = (values: readonly string[]) => values.join(', ');

/** `dueAt`: an ISO 8601 time with a date, a time and a zone (`2026-12-03T17:00:00Z`), or null. */
const DUE_AT_MESSAGE = { message: 'dueAt must be an ISO 8601 time with a zone, e.g. 2026-12-03T17:00:00Z, or null' };
const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;
const DUE_AT_DOC = {
  type: String,
  format: 'date-time',
  nullable: true,
  example: '2026-12-03T17:00:00Z',
};

export class CreateTicketDto {
  @ApiProperty({ minLength: 1, maxLength: 200, example: 'Printer on floor 3 jams on every job' })
  @IsString()
  @Length(1, 200, { message: 'title must be 1 to 200 characters' })
  title!: string;

  @ApiPropertyOptional({
    maxLength: 10000,
    default: '',
    example: 'Grace reports paper jams since Monday; the tray was replaced last week.',
  })
  @IsOptional()
  @IsString()
  @MaxLength(10000, { message: 'description must be at most 10000 characters' })
  description?: string;

  @ApiProperty({
    format: 'uuid',
    description: "One of the caller's customers (the example is the demo user's Grace Hopper)",
    example: DEMO_EXAMPLE_IDS.customer,
  })
  @IsUUID('all', { message: 'customerId must be the id of one of your customers' })
  customerId!: string;

  @ApiProperty({
    format: 'uuid',
    description: 'Any user, the caller included (the example is the demo colleague alex.support)',
    example: DEMO_EXAMPLE_IDS.colleague,
  })
  @IsUUID('all', { message: 'assigneeId must be the id of a user' })
  assigneeId!: string;

  @ApiProperty({ enum: TICKET_TYPES, enumName: 'TicketType' })
  @IsIn(TICKET_TYPES, { message: `type must be one of ${list(TICKET_TYPES)}` })
  type!: TicketType;

  @ApiProperty({ enum: TICKET_PRIORITIES, enumName: 'TicketPriority' })
  @IsIn(TICKET_PRIORITIES, { message: `priority must be one of ${list(TICKET_PRIORITIES)}` })
  priority!: TicketPriority;

  @ApiProperty({ enum: TICKET_TOPICS, enumName: 'TicketTopic' })
  @IsIn(TICKET_TOPICS, { message: `topic must be one of ${list(TICKET_TOPICS)}` })
  topic!: TicketTopic;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    format: 'uri',
    maxLength: 2000,
    description: 'An http(s) URL; the server never fetches it',
    example: 'https://images.example.com/printer-jam.jpg',
  })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  @IsUrl(HTTP_URL, { message: 'photoUrl must be an http(s) URL' })
  photoUrl?: string | null;

  @ApiPropertyOptional({
    ...DUE_AT_DOC,
    description:
      'When the ticket is due. Left out: from your due policy (`GET /api/settings/due-policy`) by priority, counted from creation; `null`: no due date even if the policy has one. A time in the past is allowed (the ticket is overdue at once).',
  })
  @ValidateIf((o: CreateTicketDto) => o.dueAt !== undefined && o.dueAt !== null)
  @Matches(ISO_TIME, DUE_AT_MESSAGE)
  @IsDateString({ strict: true }, DUE_AT_MESSAGE)
  dueAt?: string | null;

  @ApiPropertyOptional({
    format: 'uuid',
    description:
      "A macro (yours or shared with everyone) to apply as part of creation (the example is the demo user's 'Escalate to urgent')",
    example: DEMO_EXAMPLE_IDS.macro,
  })
  @IsOptional()
  @IsUUID('all', { message: 'macroId must be the id of a macro you can use' })
  macroId?: string;
}

/** Every field optional except `version`. Required fields may be left out but not cleared. */
export class UpdateTicketDto {
  @ApiPropertyOptional({ minLength: 1, maxLength: 200 })
  @ValidateIf((o: UpdateTicketDto) => o.title !== undefined)
  @IsString()
  @Length(1, 200, { message: 'title must be 1 to 200 characters' })
  title?: string;

  @ApiPropertyOptional({ maxLength: 10000 })
  @ValidateIf((o: UpdateTicketDto) => o.description !== undefined)
  @IsString()
  @MaxLength(10000, { message: 'description must be at most 10000 characters' })
  description?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @ValidateIf((o: UpdateTicketDto) => o.customerId !== undefined)
  @IsUUID('all', { message: 'customerId must be the id of one of your customers' })
  customerId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @ValidateIf((o: UpdateTicketDto) => o.assigneeId !== undefined)
  @IsUUID('all', { message: 'assigneeId must be the id of a user' })
  assigneeId?: string;

  @ApiPropertyOptional({ enum: TICKET_TYPES, enumName: 'TicketType' })
  @ValidateIf((o: UpdateTicketDto) => o.type !== undefined)
  @IsIn(TICKET_TYPES, { message: `type must be one of ${list(TICKET_TYPES)}` })
  type?: TicketType;

  @ApiPropertyOptional({ enum: TICKET_PRIORITIES, enumName: 'TicketPriority' })
  @ValidateIf((o: UpdateTicketDto) => o.priority !== undefined)
  @IsIn(TICKET_PRIORITIES, { message: `priority must be one of ${list(TICKET_PRIORITIES)}` })
  priority?: TicketPriority;

  @ApiPropertyOptional({ enum: TICKET_TOPICS, enumName: 'TicketTopic' })
  @ValidateIf((o: UpdateTicketDto) => o.topic !== undefined)
  @IsIn(TICKET_TOPICS, { message: `topic must be one of ${list(TICKET_TOPICS)}` })
  topic?: TicketTopic;

  @ApiPropertyOptional({ enum: TICKET_STATUSES, enumName: 'TicketStatus' })
  @ValidateIf((o: UpdateTicketDto) => o.status !== undefined)
  @IsIn(TICKET_STATUSES, { message: `status must be one of ${list(TICKET_STATUSES)}` })
  status?: TicketStatus;

  @ApiPropertyOptional({ type: String, nullable: true, format: 'uri', maxLength: 2000 })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  @IsUrl(HTTP_URL, { message: 'photoUrl must be an http(s) URL' })
  photoUrl?: string | null;

  @ApiPropertyOptional({
    ...DUE_AT_DOC,
    description: 'When the ticket is due (creator only); `null` clears it. A new value may go overdue again.',
  })
  @ValidateIf((o: UpdateTicketDto) => o.dueAt !== undefined && o.dueAt !== null)
  @Matches(ISO_TIME, DUE_AT_MESSAGE)
  @IsDateString({ strict: true }, DUE_AT_MESSAGE)
  dueAt?: string | null;

  @ApiProperty({ description: 'The version the client read', minimum: 1 })
  @IsInt()
  @Min(1)
  version!: number;
}

/** A query parameter of one value or a comma-separated list (`priority=urgent,high`; repeated parameters too). */
const CommaList = () =>
  Transform(({ value }: { value: unknown }) =>
    typeof value === 'string'
      ? value.split(',')
      : Array.isArray(value)
        ? value.flatMap((v) => (typeof v === 'string' ? v.split(',') : [v]))
        : value,
  );

const listOf = (name: string, values: readonly string[]) => ({
  type: String,
  pattern: `^(${values.join('|')})(,(${values.join('|')}))*$`,
  description: `One ${name} or a comma-separated list of them (any of them matches): ${list(values)}`,
  example: values.slice(-2).join(','),
});

export class ListTicketsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: TICKET_BOXES, enumName: 'TicketBox', default: 'all' })
  @IsOptional()
  @IsIn(TICKET_BOXES, { message: `box must be one of ${list(TICKET_BOXES)}` })
  box?: TicketBox;

  @ApiPropertyOptional({ enum: TICKET_STATUSES, enumName: 'TicketStatus' })
  @IsOptional()
  @IsIn(TICKET_STATUSES, { message: `status must be one of ${list(TICKET_STATUSES)}` })
  status?: TicketStatus;

  @ApiPropertyOptional({
    description:
      'Search: every word (the first 16) must start a word of the title or description ("lapt" finds "laptop"), or of the customer\'s name; or `q` is the ticket\'s number (`#1042` or `1042`) or the start of the customer\'s email.',
    maxLength: 200,
  })
  @IsOptional()
  @IsString({ message: 'q must be text of at most 200 characters' })
  @MaxLength(200, { message: 'q must be at most 200 characters' })
  q?: string;

  @ApiPropertyOptional(listOf('priority', TICKET_PRIORITIES))
  @IsOptional()
  @CommaList()
  @IsIn(TICKET_PRIORITIES, { each: true, message: `priority must be one or more of ${list(TICKET_PRIORITIES)}` })
  priority?: TicketPriority[];

  @ApiPropertyOptional(listOf('type', TICKET_TYPES))
  @IsOptional()
  @CommaList()
  @IsIn(TICKET_TYPES, { each: true, message: `type must be one or more of ${list(TICKET_TYPES)}` })
  type?: TicketType[];

  @ApiPropertyOptional(listOf('topic', TICKET_TOPICS))
  @IsOptional()
  @CommaList()
  @IsIn(TICKET_TOPICS, { each: true, message: `topic must be one or more of ${list(TICKET_TOPICS)}` })
  topic?: TicketTopic[];

  @ApiPropertyOptional({ format: 'uuid', description: 'Only the tickets of this customer' })
  @IsOptional()
  @IsUUID('all', { message: 'customerId must be a customer id' })
  customerId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Only the tickets assigned to this user' })
  @IsOptional()
  @IsUUID('all', { message: 'assigneeId must be a user id' })
  assigneeId?: string;

  @ApiPropertyOptional({
    type: Boolean,
    description:
      'true: only overdue tickets (due time passed, status open or pending); false or left out: every ticket',
  })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean({ message: 'overdue must be true or false' })
  overdue?: boolean;

  @ApiPropertyOptional({
    enum: TICKET_SORTS,
    enumName: 'TicketSort',
    default: 'newest',
    description:
      '`newest` and `oldest`: creation order; `updated`: most recently changed first; `priority`: urgent first; `due`: soonest due first, tickets without `dueAt` last. Ties in creation order, newest first. Every sort is keyset-paged; a cursor is valid only for the list (sort, filters, search) it came from.',
  })
  @IsOptional()
  @IsIn(TICKET_SORTS, { message: `sort must be one of ${list(TICKET_SORTS)}` })
  sort?: TicketSort;
}

export class CreateCommentDto {
  @ApiProperty({ minLength: 1, maxLength: 10000, example: 'Replaced the fuser unit; please try printing again.' })
  @IsString()
  @Length(1, 10000, { message: 'body must be 1 to 10000 characters' })
  body!: string;
}
