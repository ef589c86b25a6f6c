import { ApiProperty } from '@nestjs/swagger';

export class UserDto {
  @ApiProperty() id!: string;
  @ApiProperty() username!: string;
  @ApiProperty() email!: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}

export class UserResponseDto {
  @ApiProperty({ type: UserDto }) user!: UserDto;
}

export class UserSummaryDto {
  @ApiProperty() id!: string;
  @ApiProperty() username!: string;
}

export class UserPageDto {
  @ApiProperty({ type: [UserSummaryDto] }) items!: UserSummaryDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor!: string | null;
}

export class ApiTokenDto {
  @ApiProperty() id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) lastUsedAt!: string | null;
}

export class CreatedApiTokenDto {
  @ApiProperty() id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ description: 'The secret, shown only in this response. Send it as `Authorization: Bearer <token>`.' })
  token!: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}

export class ApiTokenListDto {
  @ApiProperty({ type: [ApiTokenDto] }) items!: ApiTokenDto[];
}
