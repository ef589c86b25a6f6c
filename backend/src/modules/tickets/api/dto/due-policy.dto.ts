import { ApiProperty } from '@nestjs/swagger';
import { IsInt, Max, Min, ValidateIf } from 'class-validator';
import { MAX_DUE_MINUTES } from '../../domain/due-policy';

const minutes = (priority: string, example: number | null) =>
  ApiProperty({
    type: Number,
    nullable: true,
    minimum: 1,
    maximum: MAX_DUE_MINUTES,
    description: `Minutes from creation until a new ${priority} ticket is due; null: no due date`,
    example,
  });

const message = (field: string) => ({
  message: `${field} must be a whole number of minutes from 1 to ${MAX_DUE_MINUTES}, or null`,
});

/** Each priority's minutes (every field required; `null` = no due date). The answer has the same shape. */
export class DuePolicyDto {
  @minutes('urgent', 240)
  @ValidateIf((o: DuePolicyDto) => o.urgent !== null)
  @IsInt(message('urgent'))
  @Min(1, message('urgent'))
  @Max(MAX_DUE_MINUTES, message('urgent'))
  urgent!: number | null;

  @minutes('high', 1440)
  @ValidateIf((o: DuePolicyDto) => o.high !== null)
  @IsInt(message('high'))
  @Min(1, message('high'))
  @Max(MAX_DUE_MINUTES, message('high'))
  high!: number | null;

  @minutes('normal', 4320)
  @ValidateIf((o: DuePolicyDto) => o.normal !== null)
  @IsInt(message('normal'))
  @Min(1, message('normal'))
  @Max(MAX_DUE_MINUTES, message('normal'))
  normal!: number | null;

  @minutes('low', null)
  @ValidateIf((o: DuePolicyDto) => o.low !== null)
  @IsInt(message('low'))
  @Min(1, message('low'))
  @Max(MAX_DUE_MINUTES, message('low'))
  low!: number | null;
}
