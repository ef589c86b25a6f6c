import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEmail, IsInt, IsOptional, IsString, Length, MaxLength, Min, ValidateIf } from 'class-validator';

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

/** Every field optional; `name` and `email` may be left out but not cleared (null). */
export class UpdateCustomerDto {
  @ApiPropertyOptional({ minLength: 1, maxLength: 200 })
  @ValidateIf((o: UpdateCustomerDto) => o.name !== undefined)
  @IsString()
  @Length(1, 200, { message: 'name must be 1 to 200 characters' })
  name?: string;

  @ApiPropertyOptional({ maxLength: 254 })
  @ValidateIf((o: UpdateCustomerDto) => o.email !== undefined)
  @IsString()
  @MaxLength(254)
  @IsEmail({}, { message: 'email must be a valid email address' })
  email?: string;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 50 })
  @IsOptional()
  @IsString()
  @MaxLength(50)
  phone?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 200 })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  company?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 10000 })
  @IsOptional()
  @IsString()
  @MaxLength(10000)
  notes?: string | null;

  @ApiProperty({ description: 'The version the client read', minimum: 1 })
  @IsInt()
  @Min(1)
  version!: number;
}
