import type { OpenAPIObject } from '@nestjs/swagger';
import type { OperationObject, ResponseObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';
import { FIXED_LOCATIONS, isCreating, isIdempotent, Operation } from './creating-operations';

const PROBLEM = { 'application/problem+json': { schema: { $ref: '#/components/schemas/ProblemDto' } } };
const header = (name: string) => ({ $ref: `#/components/headers/${name}` });

/** The response headers of the conventions, once, referenced by every response that carries them. */
const HEADERS = {
  'X-Request-Id': {
    description:
      "The request id: the caller's own `X-Request-Id` when it is 1–64 characters of `A-Za-z0-9._-`, else a new UUID. Request logs carry it.",
    schema: { type: 'string' },
  },
  Location: {
    description:
      "The created resource's path: the operation's path followed by `/<id>` of the new resource (a comment, which has no GET of its own, is `/api/tickets/<ticketId>/comments/<id>`; an API token is `/api/auth/tokens/<id>`, the path that revokes it); a sign-up is `/api/auth/me`.",
    schema: { type: 'string' },
  },
  'Idempotent-Replayed': {
    description:
      '`true` when this answer is the stored first answer to an earlier request with the same `Idempotency-Key` (nothing was done again).',
    schema: { type: 'string', enum: ['true'] },
  },
  RateLimit: {
    description:
      'The caller\'s budget left in its current window and the seconds until the window ends (draft-ietf-httpapi-ratelimit-headers), e.g. `"per-user";r=2999;t=42`.',
    schema: { type: 'string' },
  },
  'RateLimit-Policy': {
    description:
      'The per-user budget: `q` requests per `w` seconds, e.g. `"per-user";q=3000;w=60` (`API_RATE_LIMIT_PER_MINUTE`, counted per instance).',
    schema: { type: 'string' },
  },
  'Retry-After': { description: 'Seconds to wait before retrying.', schema: { type: 'integer' } },
  'WWW-Authenticate': {
    description:
      'On a request that carried `Authorization`: `Bearer error="invalid_token"` for a bearer token that is unknown or revoked (RFC 6750), else `Bearer`.',
    schema: { type: 'string' },
  },
};

const IDEMPOTENCY_KEY = {
  name: 'Idempotency-Key',
  in: 'header',
  required: false,
  description:
    'Makes the request safe to retry (draft-ietf-httpapi-idempotency-key-header): 1–255 visible ASCII characters, unique per request, for example a UUID. The same caller sending the same key with the same body (key order aside) within 24 hours gets the first answer again, with `Idempotent-Replayed: true`, and nothing is created or published twice. Keys are per caller. An error answer is not kept: the key may be used again.',
  schema: { type: 'string', minLength: 1, maxLength: 255, pattern: '^[\\x21-\\x7E]+$' },
};

const PROBLEMS: Record<string, string> = {
  409: 'With `Idempotency-Key`: the first request with the key is still running (`IDEMPOTENCY_KEY_IN_USE`, retry after `Retry-After`), or it never finished and may or may not have taken effect (`IDEMPOTENCY_KEY_ABANDONED`)',
  413: 'The request body is larger than the server takes',
  415: 'The request body is not JSON in UTF-8',
  422: 'The `Idempotency-Key` was used for a different request (another body or operation): `IDEMPOTENCY_KEY_REUSED`',
  429: 'Over the per-user budget of requests (`RATE_LIMITED`); see `Retry-After` and `RateLimit`',
  503: 'Temporarily unavailable (database down, or the server busy); see `Retry-After`',
};

/** Describes the contract's HTTP conventions on every operation of the document, from the operations' own metadata. */
export function documentHttpConventions(document: OpenAPIObject, operations: readonly Operation[]): void {
  const byName = new Map(operations.map((op) => [op.name, op]));
  // Location is written per operation (its path differs), so only the other headers are components.
  const { Location: _perOperation, ...shared } = HEADERS;
  document.components = { ...document.components, headers: { ...document.components?.headers, ...shared } };
  for (const [path, item] of Object.entries(document.paths)) {
    for (const operation of Object.values(item) as OperationObject[]) {
      const op = operation.operationId ? byName.get(operation.operationId) : undefined;
      if (!op || !operation.responses) continue;
      const responses = operation.responses as Record<string, ResponseObject>;
      const problem = (status: number, extra = '') => {
        const existing = responses[status];
        responses[status] = existing
          ? {
              ...existing,
              description:
                extra && !existing.description.includes(extra)
                  ? `${existing.description}. ${extra}`
                  : existing.description,
            }
          : { description: PROBLEMS[status] ?? extra, content: PROBLEM };
      };
      if (op.isPublic) operation.security = [];
      else problem(429);
      if (operation.requestBody) [413, 415].forEach((status) => problem(status));
      problem(503);
      if (isIdempotent(op)) {
        operation.parameters = [...(operation.parameters ?? []), IDEMPOTENCY_KEY as never];
        problem(400);
        problem(409, PROBLEMS[409]);
        problem(422);
      }
      for (const [status, response] of Object.entries(responses)) {
        const headers: Record<string, unknown> = { ...response.headers, 'X-Request-Id': header('X-Request-Id') };
        if (!op.isPublic && status !== '401')
          Object.assign(headers, { RateLimit: header('RateLimit'), 'RateLimit-Policy': header('RateLimit-Policy') });
        if (status === '429' || status === '503' || (status === '409' && isIdempotent(op)))
          headers['Retry-After'] = header('Retry-After');
        if (status === '401') headers['WWW-Authenticate'] = header('WWW-Authenticate');
        if (status === '201' && isCreating(op)) {
          headers['Location'] = {
            ...HEADERS.Location,
            description: `\`${FIXED_LOCATIONS[op.name] ?? `${path}/{id}`}\`. ${HEADERS.Location.description}`,
          };
        }
        if (status === String(op.status) && isIdempotent(op))
          headers['Idempotent-Replayed'] = header('Idempotent-Replayed');
        response.headers = headers as ResponseObject['headers'];
      }
    }
  }
}

/** The conventions, for the document's description. */
export const CONVENTIONS_DESCRIPTION =
  ' Every `201` carries `Location`. The creating operations of a caller, and bulk changes, take `Idempotency-Key` (see the parameter). Every answer to an authenticated request carries `RateLimit-Policy` and `RateLimit`; over the budget (`API_RATE_LIMIT_PER_MINUTE` requests per user per minute, counted by each instance on its own, so behind N instances a user may make up to N times that) the answer is `429` with `Retry-After`. Origins listed in `CORS_ORIGINS` may call the API with `Authorization: Bearer` (no cookies); a `401` to a request with a bearer token carries `WWW-Authenticate: Bearer error="invalid_token"`.';
