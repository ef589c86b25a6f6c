import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayNotEmpty,
  IsArray,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Length,
  MaxLength,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { TICKET_ACTION_TYPES, TicketActionType } from '../../../tickets';
import { MACRO_AVAILABILITY, MacroAvailability } from '../../domain/macro.entity';
import { MACRO_ACTION_SCHEMA } from './macro-action.schema';

export class MacroActionDto {
  @ApiProperty({ enum: TICKET_ACTION_TYPES, enumName: 'MacroActionType' })
  @IsIn(TICKET_ACTION_TYPES, { message: `type must be one of ${TICKET_ACTION_TYPES.join(', ')}` })
  type!: TicketActionType;

  @ApiProperty({
    description:
      'An enum value for set_*, a user id for set_assignee, comment text (with placeholders) for add_comment',
    maxLength: 10000,
  })
  @IsString()
  @MaxLength(10000)
  value!: string;
}

export class CreateMacroDto {
  @ApiProperty({ minLength: 1, maxLength: 100, example: 'Waiting for the customer' })
  @IsString()
  @Length(1, 100, { message: 'name must be 1 to 100 characters' })
  name!: string;

  @ApiPropertyOptional({ maxLength: 1000, default: '', example: 'Set pending and ask for the details we need.' })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  description?: string;

  @ApiProperty({ enum: MACRO_AVAILABILITY, enumName: 'MacroAvailability' })
  @IsIn(MACRO_AVAILABILITY, { message: 'availableFor must be one of personal, everyone' })
  availableFor!: MacroAvailability;

  @ApiProperty({
    type: 'array',
    items: MACRO_ACTION_SCHEMA,
    minItems: 1,
    maxItems: 20,
    example: [
      { type: 'set_status', value: 'pending' },
      { type: 'add_comment', value: 'Hi {{customer.name}}, could you send us the printer model?' },
    ],
  })
  @IsArray()
  @ArrayNotEmpty({ message: 'actions must contain at least one action' })
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => MacroActionDto)
  actions!: MacroActionDto[];
}

export class UpdateMacroDto {
  @ApiPropertyOptional({ minLength: 1, maxLength: 100 })
  @ValidateIf((o: UpdateMacroDto) => o.name !== undefined)
  @IsString()
  @Length(1, 100, { message: 'name must be 1 to 100 characters' })
  name?: string;

  @ApiPropertyOptional({ maxLength: 1000 })
  @ValidateIf((o: UpdateMacroDto) => o.description !== undefined)
  @IsString()
  @MaxLength(1000)
  description?: string;

  @ApiPropertyOptional({ enum: MACRO_AVAILABILITY, enumName: 'MacroAvailability' })
  @ValidateIf((o: UpdateMacroDto) => o.availableFor !== undefined)
  @IsIn(MACRO_AVAILABILITY, { message: 'availableFor must be one of personal, everyone' })
  availableFor?: MacroAvailability;

  @ApiPropertyOptional({ type: 'array', items: MACRO_ACTION_SCHEMA, minItems: 1, maxItems: 20 })
  @ValidateIf((o: UpdateMacroDto) => o.actions !== undefined)
  @IsArray()
  @ArrayNotEmpty({ message: 'actions must contain at least one action' })
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => MacroActionDto)
  actions?: MacroActionDto[];

  @ApiProperty({ description: 'The version the client read', minimum: 1 })
  @IsInt()
  @Min(1)
  version!: number;
}
