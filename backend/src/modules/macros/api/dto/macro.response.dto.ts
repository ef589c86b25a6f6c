import { ApiProperty } from '@nestjs/swagger';
import { CommentDto, TicketDto } from '../../../tickets';
import { MACRO_AVAILABILITY, MacroAvailability } from '../../domain/macro.entity';
import { MacroActionDto } from './macro.dto';
import { MACRO_ACTION_SCHEMA } from './macro-action.schema';

export class MacroDto {
  @ApiProperty() id!: string;
  @ApiProperty() name!: string;
  @ApiProperty() description!: string;
  @ApiProperty({ enum: MACRO_AVAILABILITY, enumName: 'MacroAvailability' }) availableFor!: MacroAvailability;
  @ApiProperty({ type: 'array', items: MACRO_ACTION_SCHEMA }) actions!: MacroActionDto[];
  @ApiProperty() version!: number;
  @ApiProperty() ownerId!: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
}

export class MacroPageDto {
  @ApiProperty({ type: [MacroDto] }) items!: MacroDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor!: string | null;
}

export class MacroPreviewDto {
  @ApiProperty({ type: TicketDto, description: 'The ticket as it would be after applying the macro' })
  ticket!: TicketDto;
  @ApiProperty({ type: [CommentDto], description: 'The comments the macro would add' }) comments!: CommentDto[];
}
