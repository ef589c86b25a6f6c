import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { ProblemDto } from '../errors/problem';
import { PUBLIC_OPERATION_EXTENSION } from '../auth/actor';
import { SESSION_COOKIE } from '../auth/session-cookie';
import {
  collapseSingleAllOf,
  documentCommonProblems,
  inputDefaultsAsText,
  integersByDefault,
} from './openapi-conventions';
import { operationsOf } from './creating-operations';
import { CONVENTIONS_DESCRIPTION, documentHttpConventions } from './openapi-http-conventions';

/** The document's introduction: how to authenticate, and the rules every operation follows. */
const DESCRIPTION =
  [
    `Helpdesk API. Authenticate with the session cookie \`${SESSION_COOKIE}\` that \`POST /api/auth/login\`, \`/signup\` and \`/demo\` set,`,
    'then send `X-XSRF-TOKEN` equal to the `XSRF-TOKEN` cookie on every POST, PUT, PATCH and DELETE (this console does it for you),',
    'or with `Authorization: Bearer <token>` (an API token from `POST /api/auth/tokens`; no CSRF header then).',
    'The document lists only the Bearer scheme: a browser sends the session cookie by itself, and no script can set a Cookie header.',
    'Errors are `application/problem+json`.',
    'An operation without a request body accepts no body, an empty body or `{}`; any other body (a field, an array, a scalar) is a `400` naming it, and changes nothing.',
    'A body field the operation does not declare (`constructor` and `__proto__` too) is a `400` naming it.',
  ].join(' ') + CONVENTIONS_DESCRIPTION;

/** The document's sections, in the order a newcomer meets them. */
const TAGS: readonly [name: string, description: string][] = [
  [
    'auth',
    'Sign up, log in (a session cookie) or as the demo user, log out; API tokens for scripts, created from a session only.',
  ],
  ['users', 'Other users, for choosing an assignee (matched by username), and the customers and tickets of a user.'],
  [
    'customers',
    "The caller's customers. Only the owner sees them; deleting one keeps its tickets, which show it as deleted.",
  ],
  [
    'tickets',
    'Tickets you created (outgoing) or that are assigned to you (incoming), their conversation, and macros applied to them.',
  ],
  [
    'views',
    "Saved views: the caller's named ticket queries (the list's filters and sort), listed with `GET /api/tickets?view=<id>`, and how many tickets each holds.",
  ],
  [
    'macros',
    'Canned responses: a list of actions applied to a ticket in one transaction, previewed first if you like.',
  ],
  [
    'triggers',
    'Message triggers: when a ticket is closed or created, or a customer deleted, and the conditions hold, a message is sent.',
  ],
  ['messages', 'The messages triggers sent you (inbox) and the ones your triggers sent (sent).'],
  ['health', 'Liveness and the database check, for load balancers and monitors.'],
  ['metrics', "This instance's metrics in the Prometheus text format, for monitoring."],
];

/** The OpenAPI document; operation ids are the controller method names (the SDK's function names). */
export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('Balanced Workspace API')
    .setDescription(DESCRIPTION)
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
  document.info.license = { name: 'UNLICENSED (internal use)' };
  markPublicOperations(document);
  documentHttpConventions(document, operationsOf(app));
  documentCommonProblems(document);
  inputDefaultsAsText(document);
  integersByDefault(document);
  return sortKeys(collapseSingleAllOf(document)) as OpenAPIObject;
}

/** Operations marked by @Public() need no credentials: `security: []` overrides the document's default. */
function markPublicOperations(document: OpenAPIObject): void {
  for (const item of Object.values(document.paths)) {
    for (const operation of Object.values(item)) {
      if (!operation || typeof operation !== 'object' || !(PUBLIC_OPERATION_EXTENSION in operation)) continue;
      const marked = operation as Record<string, unknown>;
      delete marked[PUBLIC_OPERATION_EXTENSION];
      marked['security'] = [];
    }
  }
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
