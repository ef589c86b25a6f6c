import { ApiProperty, ApiPropertyOptional, IntersectionType, PartialType } from '@nestjs/swagger';
import { IsEmail, IsInt, IsOptional, IsString, Length, MaxLength, Min } from 'class-validator';

export class CreateCustomerDto {
  @ApiProperty({ minLength: 1, maxLength: 200, example: 'Grace Hopper' })
  @IsString()
  @Length(1, 200, { message: 'name must be 1 to 200 characters' })
  name!: string;

  @ApiProperty({ maxLength: 254, example: 'grace@example.com' })
  @IsString()
  @MaxLength(254)
  @IsEmail({}, { message: 'email must be a valid email address' })
  email!: string;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 50, example: '+1 202 555 0143' })
  @IsOptional()
  @IsString()
  @MaxLength(50)
  phone?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 200, example: 'Navy Systems' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  company?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 10000, example: 'Prefers email.' })
  @IsOptional()
  @IsString()
  @MaxLength(10000)
  notes?: string | null;
}

/** The version a client read, which a change must match (optimistic locking). */
class ReadVersionDto {
  @ApiProperty({ description: 'The version the client read', minimum: 1 })
  @IsInt()
  @Min(1)
  version!: number;
}

/**
 * Every field of the create body optional, plus `version`. `name` and `email` may be left out but
 * not cleared: `skipNullProperties: false` validates a null like any value, where the create body's
 * own `@IsOptional()` lets `phone`, `company` and `notes` be cleared.
 */
export class UpdateCustomerDto extends IntersectionType(
  PartialType(CreateCustomerDto, { skipNullProperties: false }),
  ReadVersionDto,
) {}
