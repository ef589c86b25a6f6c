import { Body, Controller, Delete, Get, HttpCode, Post, Req, Res, UseGuards } from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Actor, CurrentActor, Public, SessionOnly, SkipCsrf } from '../../../platform/auth/actor';
import { ApiProblems } from '../../../platform/http/api-problems.decorator';
import { IdParam } from '../../../platform/http/id.pipe';
import { IdentityService } from '../application/identity.service';
import { NotAuthenticatedError } from '../domain/identity.errors';
import { User } from '../domain/user.entity';
import { CreateApiTokenDto } from './dto/create-api-token.dto';
import { ApiTokenListDto, CreatedApiTokenDto, UserResponseDto } from './dto/identity.response.dto';
import { LoginDto } from './dto/login.dto';
import { SignupDto } from './dto/signup.dto';
import { LoginGuard } from './login.guard';
import { Sessions } from './session';
import { toApiTokenDto, toUserDto } from './user.mapper';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly identity: IdentityService,
    private readonly sessions: Sessions,
  ) {}

  @Post('signup')
  @Public()
  @SkipCsrf()
  @ApiOperation({
    summary: 'Create an account and log in',
    description:
      'Creates the account and logs it in: the answer sets the session cookie and a new `XSRF-TOKEN` bound to that session. Email and username are unique regardless of case; a clash is `409` naming the field. Under a burst of sign-ups the server may answer `503` with `Retry-After` before anything is written.',
  })
  @ApiCreatedResponse({ type: UserResponseDto })
  @ApiProblems(400, 409, 503)
  async signup(
    @Body() body: SignupDto,
    @Req() req: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<UserResponseDto> {
    const session = this.sessions.issue(req);
    const user = await this.identity.signup(body, session);
    this.sessions.deliver(req, reply, { ...session, userId: user.id });
    return { user: toUserDto(user) };
  }

  @Post('login')
  @HttpCode(200)
  @Public()
  @SkipCsrf()
  @UseGuards(LoginGuard)
  @ApiOperation({
    summary: 'Log in with email and password',
    description:
      "Starts a new session (a fresh session id; the request's old session, if any, is destroyed) and sets an `XSRF-TOKEN` bound to it. Wrong credentials are `401`, the same whether the email exists or not. Failed attempts are counted per account and per client IP; over the limit the answer is `429` with `Retry-After`.",
  })
  @ApiOkResponse({ type: UserResponseDto })
  @ApiProblems(400, 401, 429, 503)
  async login(
    @Body() _body: LoginDto,
    @Req() req: FastifyRequest & { user?: User },
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<UserResponseDto> {
    const user = req.user as User;
    await this.sessions.start(req, reply, user.id);
    return { user: toUserDto(user) };
  }

  @Post('demo')
  @HttpCode(200)
  @Public()
  @SkipCsrf()
  @ApiOperation({
    summary: 'Log in as the demo user',
    description:
      'Logs in as the demo user, whose workspace (customers, tickets in both boxes, macros, triggers, messages) is seeded on every start. Takes no body.',
  })
  @ApiOkResponse({ type: UserResponseDto })
  async demoLogin(
    @Req() req: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<UserResponseDto> {
    const user = await this.identity.demoUser();
    await this.sessions.start(req, reply, user.id);
    return { user: toUserDto(user) };
  }

  @Post('logout')
  @HttpCode(204)
  @ApiOperation({
    summary: 'Log out (destroys the session)',
    description:
      'Destroys the session server-side, clears its cookie and sets a fresh `XSRF-TOKEN`. With an API token it does nothing (revoke the token instead). Takes no body.',
  })
  @ApiNoContentResponse()
  @ApiProblems(401, 403)
  async logout(@Req() req: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<void> {
    if (req.actor?.via === 'session') await this.sessions.end(req, reply);
  }

  @Get('me')
  @ApiOperation({
    summary: 'The logged-in user',
    description:
      'The user behind the session cookie or the Bearer token; `401` otherwise. Also sets the `XSRF-TOKEN` cookie when the request lacks the right one.',
  })
  @ApiOkResponse({ type: UserResponseDto })
  @ApiProblems(401)
  async getMe(@CurrentActor() actor: Actor): Promise<UserResponseDto> {
    const user = await this.identity.findUser(actor.userId);
    if (!user) throw new NotAuthenticatedError();
    return { user: toUserDto(user) };
  }

  @Post('tokens')
  @SessionOnly()
  @ApiOperation({
    summary: 'Create an API token (the secret is shown once)',
    description:
      'Only from a logged-in session: a request authenticated by an API token gets `403 SESSION_REQUIRED`, so a token cannot mint tokens that outlive it.',
  })
  @ApiCreatedResponse({ type: CreatedApiTokenDto })
  @ApiProblems(400, 401)
  @ApiForbiddenResponse({
    description:
      'The CSRF header is missing (`CSRF_TOKEN_INVALID`), or the caller used an API token (`SESSION_REQUIRED`)',
    content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/ProblemDto' } } },
  })
  async createApiToken(@CurrentActor() actor: Actor, @Body() body: CreateApiTokenDto): Promise<CreatedApiTokenDto> {
    const { token, secret } = await this.identity.createToken(actor.userId, body.name);
    return { id: token.id, name: token.name, token: secret, createdAt: token.createdAt.toISOString() };
  }

  @Get('tokens')
  @ApiOperation({
    summary: "The caller's API tokens (without secrets)",
    description:
      'Every API token of the caller, newest first, with when it was created and last used (updated at most once a minute). Secrets are never shown again.',
  })
  @ApiOkResponse({ type: ApiTokenListDto })
  @ApiProblems(401)
  async listApiTokens(@CurrentActor() actor: Actor): Promise<ApiTokenListDto> {
    return { items: (await this.identity.listTokens(actor.userId)).map(toApiTokenDto) };
  }

  @Delete('tokens/:id')
  @HttpCode(204)
  @ApiOperation({
    summary: 'Revoke an API token',
    description:
      "Deletes the token; every instance stops accepting it at once (the revocation is broadcast). Another user's token is `404`.",
  })
  @ApiNoContentResponse()
  @ApiProblems(401, 403, 404)
  async revokeApiToken(@CurrentActor() actor: Actor, @IdParam() id: string): Promise<void> {
    await this.identity.revokeToken(actor.userId, id);
  }
}
