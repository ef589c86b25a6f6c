import { ApiProperty } from '@nestjs/swagger';

export class StatsDayDto {
  @ApiProperty({ format: 'date', example: '2026-03-29', description: 'A local date in the asked time zone' })
  date!: string;
  @ApiProperty({ description: 'Tickets in the caller’s boxes created on this date (deleted ones no longer count)' })
  opened!: number;
  @ApiProperty({ description: 'Tickets in the caller’s boxes that are closed and whose `closedAt` is on this date' })
  closed!: number;
}

export class StatsOpenDto {
  @ApiProperty() urgent!: number;
  @ApiProperty() high!: number;
  @ApiProperty() normal!: number;
  @ApiProperty() low!: number;
}

export class StatsDto {
  @ApiProperty({
    type: [StatsDayDto],
    description: 'One entry per date from `from` to `to`, days without tickets included',
  })
  days!: StatsDayDto[];

  @ApiProperty({
    type: StatsOpenDto,
    description: 'Tickets in the caller’s boxes that are not closed (open and pending), by priority, now',
  })
  open!: StatsOpenDto;

  @ApiProperty({ description: 'Open and pending tickets in the caller’s boxes whose `dueAt` has passed, now' })
  overdue!: number;

  @ApiProperty({
    type: 'number',
    format: 'double',
    nullable: true,
    example: 95.5,
    description:
      'The median of `closedAt − createdAt` in minutes (to one decimal; the mean of the middle two for an even count) over the tickets in the caller’s boxes that are closed with `closedAt` in the range; `null` when there are none.',
  })
  medianMinutesToClose!: number | null;
}
