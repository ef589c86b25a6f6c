import type { INestApplication } from '@nestjs/common';
import { METHOD_METADATA, ROUTE_ARGS_METADATA } from '@nestjs/common/constants';
import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum';
import { MetadataScanner, ModulesContainer } from '@nestjs/core';
import { FASTIFY_ROUTE_CONFIG_METADATA } from '@nestjs/platform-fastify/constants';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { FieldError } from '../errors/problem';
import { RequestValidationError } from '../validation/validation';

/** The Fastify route config flag of an operation that takes no request body. */
export const NO_BODY = 'noBody';

const BODY_PARAMS = new Set([String(RouteParamtypes.BODY), String(RouteParamtypes.RAW_BODY)]);

/**
 * Marks every controller route whose handler declares no `@Body()` (nor `@RawBody()`) parameter
 * as taking no body, in its Fastify route config (`@RouteConfig`'s metadata, which the adapter
 * hands to Fastify). Derived from the handlers' own parameters, so a new route cannot be
 * forgotten. Call before `app.init()`, which registers the routes.
 */
export function markBodylessRoutes(app: Pick<INestApplication, 'get'>): void {
  const scanner = new MetadataScanner();
  for (const module of app.get(ModulesContainer).values()) {
    for (const controller of module.controllers.values()) {
      const type = controller.metatype as (new (...args: never[]) => Record<string, unknown>) | null;
      if (!type) continue;
      for (const name of scanner.getAllMethodNames(type.prototype)) {
        const handler = type.prototype[name];
        if (typeof handler !== 'function' || Reflect.getMetadata(METHOD_METADATA, handler) === undefined) continue;
        const params = (Reflect.getMetadata(ROUTE_ARGS_METADATA, type, name) ?? {}) as Record<string, unknown>;
        if (Object.keys(params).some((key) => BODY_PARAMS.has(key.split(':', 1)[0]))) continue;
        const config = (Reflect.getMetadata(FASTIFY_ROUTE_CONFIG_METADATA, handler) ?? {}) as Record<string, unknown>;
        Reflect.defineMetadata(FASTIFY_ROUTE_CONFIG_METADATA, { ...config, [NO_BODY]: true }, handler);
      }
    }
  }
}

/** What is wrong with a body sent to an operation that takes none; undefined for no body, an empty body or `{}`. */
export function unexpectedBodyErrors(body: unknown): FieldError[] | undefined {
  if (body === undefined) return undefined;
  if (body === null || typeof body !== 'object' || Array.isArray(body))
    return [{ field: 'body', message: 'must be empty: this operation takes no request body' }];
  const keys = Object.keys(body);
  return keys.length === 0 ? undefined : keys.map((field) => ({ field, message: `${field} is not an allowed field` }));
}

/**
 * A body sent to an operation that takes none (`POST /tickets/:id/close {closedAt}`) is a 400
 * naming each field, before guards, pipes and the handler run, so it changes nothing.
 * Fastify does not read the bodies of GET and HEAD requests at all.
 */
export function rejectBodiesOfBodylessRoutes(fastify: FastifyInstance): void {
  fastify.addHook('preValidation', (req: FastifyRequest, _reply: FastifyReply, done: (error?: Error) => void) => {
    const errors =
      (req.routeOptions.config as unknown as Record<string, unknown> | undefined)?.[NO_BODY] === true
        ? unexpectedBodyErrors(req.body)
        : undefined;
    done(errors ? new RequestValidationError(errors) : undefined);
  });
}
