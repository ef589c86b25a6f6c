import { ApiProperty } from '@nestjs/swagger';
import { TICKET_SORTS, TicketSort } from '../../domain/ticket.enums';
import { SavedViewFiltersDto } from './saved-view.dto';

export class SavedViewDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ type: SavedViewFiltersDto, description: 'Only the filters that narrow the list' })
  filters!: SavedViewFiltersDto;
  @ApiProperty({ enum: TICKET_SORTS, enumName: 'TicketSort' }) sort!: TicketSort;
  @ApiProperty() version!: number;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
}

export class SavedViewPageDto {
  @ApiProperty({ type: [SavedViewDto] }) items!: SavedViewDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor!: string | null;
}

export class SavedViewCountDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ minimum: 0, maximum: 1000, description: 'Tickets the view lists; 1000 when there are more' })
  count!: number;
  @ApiProperty({ description: 'There are more than 1000 tickets (`count` is 1000)' }) capped!: boolean;
}

export class SavedViewCountsDto {
  @ApiProperty({ type: [SavedViewCountDto], description: 'One per saved view of the caller, newest view first' })
  items!: SavedViewCountDto[];
}
