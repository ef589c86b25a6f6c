import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { PageQueryDto } from '../../../../platform/pagination/page-query.dto';

/** `?q=&limit=&cursor=` of the user list: `q` matches usernames only. */
export class UserSearchQueryDto extends PageQueryDto {
  @ApiPropertyOptional({
    description: 'Part of the username, case-insensitive. Email addresses are never matched.',
    maxLength: 200,
  })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  q?: string;
}
