import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ProblemDto } from '../../../../platform/errors/problem';
import { TicketDto } from './ticket.response.dto';

/** One ticket's outcome in a bulk change. */
export class BulkTicketResultDto {
  @ApiProperty({ format: 'uuid', description: 'The id as the request named it' }) id!: string;

  @ApiProperty({
    example: 200,
    description:
      'The status the single-ticket operation would have answered: `200` changed (or already as asked, for the `set_*` actions), `204` deleted, `400`, `403`, `404` (no such ticket, or one the caller may not see), `409`',
  })
  status!: number;

  @ApiPropertyOptional({
    type: TicketDto,
    description: 'The ticket right after the change; absent for `delete` and for failures',
  })
  ticket?: TicketDto;

  @ApiPropertyOptional({
    type: ProblemDto,
    description: 'The problem+json body the single-ticket operation would have answered; present only for failures',
  })
  problem?: ProblemDto;
}

export class BulkTicketResultsDto {
  @ApiProperty({ type: [BulkTicketResultDto], description: "One result per id, in the request's order" })
  results!: BulkTicketResultDto[];
}
