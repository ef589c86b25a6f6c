import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Actor, CurrentActor } from '../../../platform/auth/actor';
import { ApiProblems } from '../../../platform/http/api-problems.decorator';
import { SearchPageQueryDto } from '../../../platform/pagination/page-query.dto';
import { IdentityService } from '../application/identity.service';
import { UserPageDto } from './dto/identity.response.dto';

@ApiTags('users')
@Controller('users')
export class UsersController {
  constructor(private readonly identity: IdentityService) {}

  @Get()
  @ApiOperation({ summary: 'Other users, for choosing an assignee; `q` matches username or email' })
  @ApiOkResponse({ type: UserPageDto })
  @ApiProblems(400, 401)
  listUsers(@CurrentActor() actor: Actor, @Query() query: SearchPageQueryDto): Promise<UserPageDto> {
    return this.identity.listUsers(actor.userId, query);
  }
}
