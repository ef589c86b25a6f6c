import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Matches, MaxLength } from 'class-validator';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** `?from=&to=&tz=`: the checks that need no database; the calendar, the span and the zone are the service's. */
export class StatsQueryDto {
  @ApiProperty({
    format: 'date',
    example: '2026-03-01',
    description: 'First local date of the range (`YYYY-MM-DD`, 1970 to 9998), in `tz`.',
  })
  @IsString()
  @Matches(DATE, { message: 'from must be a date YYYY-MM-DD' })
  from!: string;

  @ApiProperty({
    format: 'date',
    example: '2026-03-31',
    description: 'Last local date of the range (`YYYY-MM-DD`), in `tz`; not before `from`, at most 366 days in all.',
  })
  @IsString()
  @Matches(DATE, { message: 'to must be a date YYYY-MM-DD' })
  to!: string;

  @ApiPropertyOptional({
    maxLength: 64,
    default: 'UTC',
    example: 'Europe/Berlin',
    description:
      "An IANA time zone that PostgreSQL knows (`pg_timezone_names`, exact spelling); the days are this zone's dates.",
  })
  @IsOptional()
  @IsString()
  @MaxLength(64, { message: 'tz must be an IANA time zone' })
  tz?: string;
}
