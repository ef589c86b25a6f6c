import { ApiProperty, ApiPropertyOptional, PickType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsBoolean,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { TICKET_PRIORITIES, TICKET_TOPICS, TICKET_TYPES } from '../../domain/ticket.enums';
import { ListTicketsQueryDto } from './ticket.dto';

/**
 * A view's filters: the filters of `GET /api/tickets`, with the list's own rules (the DTO's
 * validation is inherited, not restated), plus `overdue`. In a body the lists are JSON arrays (a
 * comma-separated string is accepted too); a view answers them as arrays.
 */
export class SavedViewFiltersDto extends PickType(ListTicketsQueryDto, [
  'box',
  'status',
  'priority',
  'type',
  'topic',
  'customerId',
  'q',
] as const) {
  @ApiPropertyOptional({
    description:
      'Only overdue tickets. Stored with the view and passed to the list like the other filters; the list applies it once tickets have due dates.',
  })
  @IsOptional()
  @IsBoolean({ message: 'overdue must be true or false' })
  overdue?: boolean;
}

// The lists are arrays in a JSON body (the query's documentation says comma-separated text).
for (const [name, values, enumName] of [
  ['priority', TICKET_PRIORITIES, 'TicketPriority'],
  ['type', TICKET_TYPES, 'TicketType'],
  ['topic', TICKET_TOPICS, 'TicketTopic'],
] as const)
  ApiPropertyOptional({
    enum: values,
    enumName,
    isArray: true,
    example: values.slice(-2),
    description: `Any of these ${name} values matches (in a body a comma-separated string is accepted too)`,
  })(SavedViewFiltersDto.prototype, name);

const NAME = { minLength: 1, maxLength: 100, example: 'Urgent open' };

export class CreateSavedViewDto extends PickType(ListTicketsQueryDto, ['sort'] as const) {
  @ApiProperty({ ...NAME, description: 'Unique among your views, ignoring case' })
  @IsString()
  @Length(1, 100, { message: 'name must be 1 to 100 characters' })
  name!: string;

  @ApiPropertyOptional({ type: SavedViewFiltersDto, description: 'The filters; none lists every ticket of `box`' })
  @IsOptional()
  @IsObject({ message: 'filters must be an object' })
  @ValidateNested()
  @Type(() => SavedViewFiltersDto)
  filters?: SavedViewFiltersDto;
}

/** Every field optional except `version`; `filters` replaces the view's filters as a whole. */
export class UpdateSavedViewDto extends PickType(ListTicketsQueryDto, ['sort'] as const) {
  @ApiPropertyOptional(NAME)
  @ValidateIf((o: UpdateSavedViewDto) => o.name !== undefined)
  @IsString()
  @Length(1, 100, { message: 'name must be 1 to 100 characters' })
  name?: string;

  @ApiPropertyOptional({ type: SavedViewFiltersDto, description: "Replaces the view's filters as a whole" })
  @ValidateIf((o: UpdateSavedViewDto) => o.filters !== undefined)
  @IsObject({ message: 'filters must be an object' })
  @ValidateNested()
  @Type(() => SavedViewFiltersDto)
  filters?: SavedViewFiltersDto;

  @ApiProperty({ description: 'The version the client read', minimum: 1 })
  @IsInt()
  @Min(1)
  version!: number;
}

/** `GET /api/tickets` with `view`: the list of a saved view, narrowed or changed by the other parameters. */
export class ListTicketsInViewQueryDto extends ListTicketsQueryDto {
  @ApiPropertyOptional({
    format: 'uuid',
    description:
      "One of your saved views: its filters and sort apply, and each filter or `sort` given explicitly in the same request replaces the view's (`?view=<id>&status=closed` is the view's list with status closed). Another user's or an unknown view is `404`.",
  })
  @IsOptional()
  @IsUUID('all', { message: 'view must be the id of one of your saved views' })
  view?: string;
}
