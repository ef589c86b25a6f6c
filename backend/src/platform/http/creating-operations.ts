import { RequestMethod, type INestApplication } from '@nestjs/common';
import { HTTP_CODE_METADATA, METHOD_METADATA } from '@nestjs/common/constants';
import { MetadataScanner, ModulesContainer } from '@nestjs/core';
import { IS_PUBLIC } from '../auth/actor';

/** A controller operation, as the HTTP conventions see it. */
export interface Operation {
  /** The handler (its name is the operationId). */
  handler: (...args: never[]) => unknown;
  name: string;
  method: RequestMethod;
  /** The status of a success: `@HttpCode`, else Nest's default (201 for POST, 200 otherwise). */
  status: number;
  isPublic: boolean;
}

/**
 * Creating operations whose answers are never stored for a replay, and why. Everything else that
 * creates (a `POST` answering `201`) and has a caller accepts `Idempotency-Key` (ADR 0010).
 */
export const NOT_REPLAYABLE: Readonly<Record<string, string>> = {
  createApiToken: "its answer carries the token's secret, which is kept nowhere but in that answer",
};

/** Location of what a `201` created, for operations whose answer is not the created resource itself. */
export const FIXED_LOCATIONS: Readonly<Record<string, string>> = {
  // A sign-up creates the account and its session: the account's resource is the caller's own.
  signup: '/api/auth/me',
};

/** Every controller operation of the app, from Nest's metadata (so a new route cannot be forgotten). */
export function operationsOf(app: Pick<INestApplication, 'get'>): Operation[] {
  const scanner = new MetadataScanner();
  const operations: Operation[] = [];
  for (const module of app.get(ModulesContainer).values()) {
    for (const controller of module.controllers.values()) {
      const type = controller.metatype as (new (...args: never[]) => Record<string, unknown>) | null;
      if (!type) continue;
      for (const name of scanner.getAllMethodNames(type.prototype)) {
        const handler = type.prototype[name] as Operation['handler'];
        const method =
          typeof handler === 'function'
            ? (Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod | undefined)
            : undefined;
        if (method === undefined) continue;
        const status =
          (Reflect.getMetadata(HTTP_CODE_METADATA, handler) as number | undefined) ??
          (method === RequestMethod.POST ? 201 : 200);
        const isPublic = Boolean(Reflect.getMetadata(IS_PUBLIC, handler) ?? Reflect.getMetadata(IS_PUBLIC, type));
        operations.push({ handler, name, method, status, isPublic });
      }
    }
  }
  return operations;
}

/** A `POST` answering `201`: it creates a resource, so its answer carries `Location`. */
export const isCreating = (op: Pick<Operation, 'method' | 'status'>): boolean =>
  op.method === RequestMethod.POST && op.status === 201;

/**
 * Operations that answer `200` yet change what a retry must not change twice, and why: they take
 * `Idempotency-Key` as the creating operations do (ADR 0010), without a `Location`.
 */
export const IDEMPOTENT_ACTIONS: Readonly<Record<string, string>> = {
  bulkChangeTickets:
    'the contract names bulk changes among the operations that take the key: a retry after a lost answer must get that answer, not apply the action again (a second close answers 409s, a second macro adds its comments twice)',
};

/** A creating operation (or one of IDEMPOTENT_ACTIONS) with a caller whose answer may be stored: it takes `Idempotency-Key`. */
export const isIdempotent = (op: Pick<Operation, 'method' | 'status' | 'isPublic' | 'name'>): boolean =>
  !op.isPublic &&
  (op.name in IDEMPOTENT_ACTIONS ? op.method === RequestMethod.POST : isCreating(op) && !(op.name in NOT_REPLAYABLE));
