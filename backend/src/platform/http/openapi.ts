import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { ProblemDto } from '../errors/problem';
import { PUBLIC_OPERATION_EXTENSION } from '../auth/actor';
import { SESSION_COOKIE } from '../auth/session-cookie';
import { operationsOf } from './creating-operations';
import { CONVENTIONS_DESCRIPTION, documentHttpConventions } from './openapi-conventions';

/** The OpenAPI document; operation ids are the controller method names (the SDK's function names). */
export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('Balanced Workspace API')
    .setDescription(
      'Helpdesk API. Authenticate with the session cookie (then send `X-XSRF-TOKEN` equal to the `XSRF-TOKEN` cookie on writes) or with `Authorization: Bearer <token>`. Errors are `application/problem+json`. An operation without a request body accepts no body, an empty body or `{}`; any other body (a field, an array, a scalar) is a `400` naming it, and changes nothing. A body field the operation does not declare (`constructor` and `__proto__` too) is a `400` naming it.' + CONVENTIONS_DESCRIPTION,
    )
    .setVersion('1.0.0')
    .addServer('/', 'The server that serves this document (every path starts with /api)')
    .addBearerAuth(
      {
        type: 'http',
        scheme: 'bearer',
        bearerFormat: 'opaque',
        description: 'An API token from `POST /api/auth/tokens` (opaque, shown once).',
      },
      'token',
    )
    .addSecurityRequirements('token')
    .build();
  for (const [name, description] of TAGS) config.tags = [...(config.tags ?? []), { name, description }];
  const document = SwaggerModule.createDocument(app, config, {
    operationIdFactory: (_controllerKey: string, methodKey: string) => methodKey,
    extraModels: [ProblemDto],
  });
  documentHttpConventions(document, operationsOf(app));
  return sortKeys(document) as OpenAPIObject;
}

/** Recursively sorts object keys so the committed document is byte-for-byte reproducible. */
export function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value as Record<string, unknown>)
        .sort()
        .map((key) => [key, sortKeys((value as Record<string, unknown>)[key])]),
    );
  }
  return value;
}
