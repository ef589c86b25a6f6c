import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyRequest } from 'fastify';
import { IS_PUBLIC, OWN_CREDENTIALS, SESSION_ONLY, SKIP_CSRF } from '../../../platform/auth/actor';
import { SAFE_METHODS } from '../../../platform/auth/csrf';
import { IdentityService } from '../application/identity.service';
import { CsrfTokenError, NotAuthenticatedError, SessionRequiredError } from '../domain/identity.errors';
import { Sessions } from './session';

/**
 * Global guard: a bearer token or the session cookie identifies the caller; anything else is 401
 * (except @Public endpoints). Cookie-authenticated writes must carry their session's CSRF token (403);
 * a @SessionOnly endpoint refuses API tokens (403).
 * A public endpoint does not look at the session (the login endpoints read the cookie themselves);
 * one that checks its own credentials (@OwnCredentials) is not looked at at all.
 */
@Injectable()
export class AuthenticationGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly identity: IdentityService,
    private readonly sessions: Sessions,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const req = context.switchToHttp().getRequest<FastifyRequest>();
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(OWN_CREDENTIALS, targets)) return true;
    const isPublic = this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets) ?? false;

    const authorization = req.headers.authorization;
    if (authorization !== undefined) {
      const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
      const userId = match ? await this.identity.userIdForToken(match[1]) : null;
      if (!userId) {
        if (isPublic) return true;
        throw new NotAuthenticatedError();
      }
      if (this.reflector.getAllAndOverride<boolean>(SESSION_ONLY, targets)) throw new SessionRequiredError();
      req.actor = { userId, via: 'token' };
      return true;
    }

    if (isPublic) return true;
    const sessionUserId = await this.sessions.userIdOf(req);
    if (sessionUserId) {
      const skipCsrf = this.reflector.getAllAndOverride<boolean>(SKIP_CSRF, targets) ?? false;
      if (!SAFE_METHODS.has(req.method) && !skipCsrf && !this.sessions.csrfTokenValid(req)) throw new CsrfTokenError();
      req.actor = { userId: sessionUserId, via: 'session' };
      return true;
    }
    throw new NotAuthenticatedError();
  }
}
