import { applyDecorators, createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import { ApiExtension } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';

/** Who is calling: set on the request by the authentication guard. */
export interface Actor {
  userId: string;
  via: 'session' | 'token';
}

declare module 'fastify' {
  interface FastifyRequest {
    /** Set by the authentication guard. */
    actor?: Actor;
  }
}

export const IS_PUBLIC = 'bw:isPublic';
/** Marks a public operation in the OpenAPI document; buildOpenApiDocument turns it into `security: []`. */
export const PUBLIC_OPERATION_EXTENSION = 'x-bw-public';
/** The endpoint needs no authentication (signup, login, demo, health). */
export const Public = () =>
  applyDecorators(SetMetadata(IS_PUBLIC, true), ApiExtension(PUBLIC_OPERATION_EXTENSION, true));

export const OWN_CREDENTIALS = 'bw:ownCredentials';
/**
 * The endpoint checks its caller itself (`GET /api/metrics` and its METRICS_TOKEN): the
 * authentication guard neither looks its Authorization up as an API token nor reads the session,
 * so it costs no database round trip and works while the database is down. Public to the API's
 * own schemes (`security: []`); its description says what it asks for instead.
 */
export const OwnCredentials = () => applyDecorators(Public(), SetMetadata(OWN_CREDENTIALS, true));

export const SKIP_CSRF = 'bw:skipCsrf';
/** The endpoint is exempt from the CSRF header check (login-type endpoints that create a session). */
export const SkipCsrf = () => SetMetadata(SKIP_CSRF, true);

export const SESSION_ONLY = 'bw:sessionOnly';
/**
 * The endpoint needs a logged-in session: an API token is refused (403 SESSION_REQUIRED). For
 * operations that would let a leaked token outlive its revocation, such as creating tokens.
 */
export const SessionOnly = () => SetMetadata(SESSION_ONLY, true);

/** Injects the authenticated caller. Only valid on endpoints that are not @Public(). */
export const CurrentActor = createParamDecorator((_: unknown, ctx: ExecutionContext): Actor => {
  const actor = ctx.switchToHttp().getRequest<FastifyRequest>().actor;
  if (!actor) throw new Error('CurrentActor used on an endpoint without authentication');
  return actor;
});
