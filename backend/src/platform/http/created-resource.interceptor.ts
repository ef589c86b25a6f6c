import { CallHandler, ExecutionContext, NestInterceptor } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { catchError, defer, from, map, mergeMap, Observable, of, switchMap } from 'rxjs';
import {
  IdempotencyKeyReusedError,
  IdempotentRequestAbandonedError,
  IdempotentRequestInProgressError,
} from './http-conventions.errors';
import { idempotencyKeyOf, requestHash } from './idempotency/idempotency-key';
import { IdempotencyKeyStore, RecordedAnswer } from './idempotency/idempotency-key.store';

const PARAM = /:(\w+)/g;

declare module 'fastify' {
  interface FastifyInstance {
    /** This app's Idempotency-Key store (set by registerHttpConventions). */
    idempotencyKeys?: IdempotencyKeyStore;
  }
}

/** The path the request was routed to, from its route (`/api/tickets/:id/comments`) and parameters: no query, no trailing slash. */
function routedPath(req: FastifyRequest): string {
  const params = req.params as Record<string, string>;
  return (req.routeOptions.url ?? req.url.split('?', 1)[0]).replace(PARAM, (_, name: string) =>
    encodeURIComponent(params[name] ?? ''),
  );
}

/**
 * On a creating operation (a `POST` answering `201`): sets `Location` to the created resource's
 * path (the operation's path and the new `id`, or a fixed one), and, where the operation is
 * idempotent and the request carries `Idempotency-Key`, claims the caller's key before the
 * handler runs, records the answer before it is sent, and replays a recorded answer (ADR 0010).
 * An idempotent operation that answers `200` (IDEMPOTENT_ACTIONS: a bulk change) gets the same
 * claim, record and replay, without `Location`. Attached at boot to those operations only, so no
 * other request passes through it. It holds no state of one app (the metadata it sits in is the
 * controller class's): the store is the app's Fastify instance's.
 */
export class CreatedResourceInterceptor implements NestInterceptor {
  constructor(
    readonly idempotent: boolean,
    private readonly fixedLocation?: string,
    /** The operation's success status: `201` creates (and is located), any other only records. */
    private readonly status = 201,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const req = context.switchToHttp().getRequest<FastifyRequest>();
    const reply = context.switchToHttp().getResponse<FastifyReply>();
    const key = this.idempotent ? idempotencyKeyOf(req) : undefined;
    const userId = req.actor?.userId;
    const keys = req.server.idempotencyKeys;
    if (key === undefined || !userId || !keys)
      return next.handle().pipe(map((body: unknown) => (this.locate(req, reply, body), body)));

    const hash = requestHash(req.method, routedPath(req), req.body);
    return defer(() => from(keys.claim(userId, key, hash))).pipe(
      switchMap((claim) => {
        if (claim.kind === 'claimed') return this.runAndRecord(keys, req, reply, next, userId, key);
        if (!claim.sameRequest) throw new IdempotencyKeyReusedError();
        if (claim.kind === 'running')
          throw claim.abandoned ? new IdempotentRequestAbandonedError() : new IdempotentRequestInProgressError();
        return of(replay(reply, claim.answer));
      }),
    );
  }

  private runAndRecord(
    keys: IdempotencyKeyStore,
    req: FastifyRequest,
    reply: FastifyReply,
    next: CallHandler,
    userId: string,
    key: string,
  ): Observable<unknown> {
    return next.handle().pipe(
      mergeMap(async (body: unknown) => {
        const location = this.locate(req, reply, body);
        await keys.record(userId, key, { status: this.status, body: JSON.stringify(body ?? null), location });
        return body;
      }),
      // An error answer changed nothing (the operation's transaction rolled back): the key may be used again.
      catchError(async (error: unknown) => {
        await keys.release(userId, key);
        throw error;
      }),
    );
  }

  private locate(req: FastifyRequest, reply: FastifyReply, body: unknown): string | null {
    if (this.status !== 201) return null;
    const id = (body as { id?: unknown } | null)?.id;
    const location =
      this.fixedLocation ?? (typeof id === 'string' ? `${routedPath(req)}/${encodeURIComponent(id)}` : null);
    if (location) reply.header('location', location);
    return location;
  }
}

/** The first answer again: its status and body as sent, its Location, and `Idempotent-Replayed: true`. */
function replay(reply: FastifyReply, answer: RecordedAnswer): string {
  if (answer.location) reply.header('location', answer.location);
  reply.header('idempotent-replayed', 'true').header('content-type', 'application/json; charset=utf-8');
  return answer.body;
}
