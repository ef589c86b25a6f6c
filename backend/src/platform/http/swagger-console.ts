import type { SwaggerCustomOptions } from '@nestjs/swagger';

/** The page's `document`: this function runs in the browser, never in Node. */
declare const document: { cookie: string };

/**
 * Sends the `X-XSRF-TOKEN` header the API asks of cookie-authenticated writes, read from the
 * `XSRF-TOKEN` cookie at the moment of the request (login renews it). @nestjs/swagger writes this
 * function's source into `swagger-ui-init.js`, a file served from our origin, so the console runs
 * it under the same Content-Security-Policy as everything else (no inline script). It must not
 * refer to anything outside its own body.
 */
export function sendXsrfHeader(request: { method?: string; headers: Record<string, string> }): typeof request {
  const method = (request.method ?? 'GET').toUpperCase();
  if (method !== 'GET' && method !== 'HEAD' && method !== 'OPTIONS') {
    const match = /(?:^|;\s*)XSRF-TOKEN=([^;]*)/.exec(document.cookie);
    if (match) request.headers['X-XSRF-TOKEN'] = decodeURIComponent(match[1]);
  }
  return request;
}

/**
 * On a phone the console's wide parts (the responses table, the curl command, a response body)
 * scroll inside their own box instead of widening the page.
 */
const PHONE_CSS = `@media (max-width: 600px) {
  .swagger-ui .responses-inner, .swagger-ui .curl-command, .swagger-ui .highlight-code { overflow-x: auto; max-width: 100%; }
  .swagger-ui .highlight-code pre, .swagger-ui .curl-command pre { white-space: pre; overflow-x: auto; }
}`;

/**
 * The Swagger console at /api/docs: "Try it out" on `POST /api/auth/demo` or `/login` gives the
 * console a session (the browser keeps its cookie) and every later write carries the CSRF header;
 * a Bearer token entered under "Authorize" survives reloads (kept in the browser's localStorage).
 */
export function swaggerConsoleOptions(): SwaggerCustomOptions {
  return {
    jsonDocumentUrl: 'api/docs-json',
    customSiteTitle: 'Balanced Workspace API',
    customCss: PHONE_CSS,
    swaggerOptions: {
      persistAuthorization: true,
      requestInterceptor: sendXsrfHeader,
      displayOperationId: true,
      tryItOutEnabled: false,
    },
  };
}
