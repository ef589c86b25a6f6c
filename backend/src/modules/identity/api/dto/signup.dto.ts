import { ApiProperty } from '@nestjs/swagger';
import { IsEmail, IsString, Length, Matches, MaxLength } from 'class-validator';

export class SignupDto {
  @ApiProperty({ example: 'ada@example.com', maxLength: 254 })
  @IsString()
  @MaxLength(254)
  @IsEmail({}, { message: 'email must be a valid email address' })
  email!: string;

  @ApiProperty({ example: 'ada_l', minLength: 3, maxLength: 30, pattern: '^[A-Za-z0-9_.-]{3,30}$' })
  @IsString()
  @Length(3, 30, { message: 'username must be 3 to 30 characters' })
  @Matches(/^[A-Za-z0-9_.-]+$/, { message: 'username may contain only letters, digits, _ . and -' })
  username!: string;

  @ApiProperty({ minLength: 8, maxLength: 128, format: 'password' })
  @IsString()
  @Length(8, 128, { message: 'password must be 8 to 128 characters' })
  password!: string;
}
