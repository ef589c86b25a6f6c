import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Actor, CurrentActor } from '../../../platform/auth/actor';
import { ApiProblems } from '../../../platform/http/api-problems.decorator';
import { UserSearchQueryDto } from './dto/user-search-query.dto';
import { IdentityService } from '../application/identity.service';
import { UserPageDto } from './dto/identity.response.dto';

@ApiTags('users')
@Controller('users')
export class UsersController {
  constructor(private readonly identity: IdentityService) {}

  @Get()
  @ApiOperation({
    summary: 'Other users, for choosing an assignee; `q` matches part of the username (case-insensitive)',
    description: 'Never matches email addresses, which stay private. Keyset-paged with `limit` and `cursor`.',
  })
  @ApiOkResponse({ type: UserPageDto })
  @ApiProblems(400, 401)
  listUsers(@CurrentActor() actor: Actor, @Query() query: UserSearchQueryDto): Promise<UserPageDto> {
    return this.identity.listUsers(actor.userId, query);
  }
}
