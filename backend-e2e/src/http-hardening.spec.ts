import { createMacro, createTrigger, getMe, getTicket, signup } from '@bw/sdk';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { Client } from 'pg';
import { ApiSession, newUser } from './support/api-session';
import { customerOf, person, Person, ticketBy } from './support/fixtures';
import { startTestServer, TestServer } from './support/server';

// Issue 11, findings of an outside attacker: weird paths, bodies sent to operations that take
// none, and unknown body fields with the names of Object.prototype's members.
let server: TestServer;
let me: Person;
let db: Client;
beforeAll(async () => {
  server = await startTestServer();
  me = await person(server.baseUrl, 'harden');
  db = new Client({ connectionString: process.env['TEST_DATABASE_URL'] });
  await db.connect();
});
afterAll(async () => {
  await db?.end();
  await server?.close();
});

/** A request whose path is sent exactly as written (fetch would normalize `..` and `\`). */
function rawRequest(
  pathAsIs: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; type: string; body: string }> {
  const { hostname, port } = new URL(server.baseUrl);
  return new Promise((resolve, reject) => {
    http
      .request({ host: hostname, port, path: pathAsIs, method: 'GET', headers, agent: false }, (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (body += chunk));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, type: String(res.headers['content-type'] ?? ''), body }),
        );
      })
      .on('error', reject)
      .end();
  });
}

describe('paths that name nothing', () => {
  const traversals = [
    '/api/docs/../package.json',
    '/api/docs/../../../../etc/passwd',
    '/api/docs/..',
    '/api/docs/.%2e/',
    '/api/docs/%2e%2e/package.json',
    '/api/docs/%2e%2e%2fpackage.json',
    '/api/docs/..%2f..%2fpackage.json',
    '/api/docs/%252e%252e%252fpackage.json',
    '/api/docs/..\\..\\package.json',
    '/api/docs/..%5c..%5cpackage.json',
    '/api/docs/%00',
    '/api/docs/swagger-ui.css%00.html',
    '/api/docs//etc/passwd',
    '/api/docs/./swagger-ui.css',
    '/api/docs/%c0%ae%c0%ae/package.json',
    '/api/docs/%ff',
    `/api/docs/${'a'.repeat(5000)}`,
    '/api/docs-json/../package.json',
    '/api/../package.json',
    '/api/tickets/..%2f..%2fhealth',
    '/%2e%2e/%2e%2e/etc/passwd',
    '/..%5c..%5cetc/passwd',
    '/assets/../../package.json',
  ];

  it.each(traversals)('answers %s with a 400 or 404 problem', async (url) => {
    const res = await rawRequest(url);
    expect([400, 404]).toContain(res.status);
    expect(res.type).toMatch(/^application\/problem\+json/);
    expect(res.body).not.toContain('"name"');
  });

  it('answers a path longer than any header limit with a client error, never a 5xx', async () => {
    const res = await rawRequest(`/api/docs/${'a'.repeat(20_000)}`);
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
  });

  it("answers the Swagger assets' failed preconditions and unsatisfiable ranges as problems, not 500", async () => {
    const range = await rawRequest('/api/docs/swagger-ui.css', { range: 'bytes=99999999-' });
    expect(range).toMatchObject({ status: 416, type: expect.stringMatching(/^application\/problem\+json/) });
    const precondition = await rawRequest('/api/docs/swagger-ui.css', { 'if-match': '"not-this-one"' });
    expect(precondition).toMatchObject({ status: 412, type: expect.stringMatching(/^application\/problem\+json/) });
  });

  it('still serves the Swagger console and its assets', async () => {
    expect((await rawRequest('/api/docs')).status).toBe(200);
    expect((await rawRequest('/api/docs/swagger-ui.css')).status).toBe(200);
    expect((await rawRequest('/api/docs-json')).status).toBe(200);
  });
});

interface Operation {
  method: string;
  path: string;
  operationId: string;
}
const document = JSON.parse(readFileSync(path.resolve(__dirname, '../../libs/sdk/openapi.json'), 'utf8')) as {
  paths: Record<string, Record<string, { operationId: string; requestBody?: unknown }>>;
};
/** Every operation of the document without a request body (GET and HEAD bodies are never read by Fastify at all). */
const bodyless: Operation[] = Object.entries(document.paths).flatMap(([p, ops]) =>
  Object.entries(ops)
    .filter(([method, op]) => method !== 'get' && op.requestBody === undefined)
    .map(([method, op]) => ({ method: method.toUpperCase(), path: p, operationId: op.operationId })),
);

/** Logout and the demo login change the caller's session: they get a caller of their own. */
const callerFor = async (op: Operation) =>
  ['logout', 'demoLogin'].includes(op.operationId) ? (await person(server.baseUrl, 'nobody')).s : me.s;
const send = (s: ApiSession, op: Operation, body?: string) =>
  s.raw(
    op.path.replace(/\{[^}]+\}/g, () => randomUUID()),
    { method: op.method, ...(body === undefined ? {} : { headers: { 'content-type': 'application/json' }, body }) },
  );

describe('operations without a body', () => {
  it('are the ones the contract names', () => {
    expect(bodyless.map((op) => op.operationId).sort()).toEqual(
      [
        'applyMacroToTicket',
        'closeTicket',
        'deleteCustomer',
        'deleteMacro',
        'deleteSavedView',
        'deleteTicket',
        'deleteTrigger',
        'demoLogin',
        'logout',
        'markMessageRead',
        'previewMacroOnTicket',
        'reopenTicket',
        'revokeApiToken',
        'deleteWebhook',
        'redeliverWebhookDelivery',
        'testWebhook',
      ].sort(),
    );
  });

  it.each(bodyless.map((op) => [op.operationId, op] as const))(
    '%s refuses a field, an array and scalars with a 400 naming them',
    async (_id, op) => {
      const s = await callerFor(op);
      for (const [body, field] of [
        ['{"x":1}', 'x'],
        ['{"x":1,"closedAt":"2026-01-01T00:00:00Z"}', 'closedAt'],
        ['[]', 'body'],
        ['[{}]', 'body'],
        ['1', 'body'],
        ['"s"', 'body'],
        ['true', 'body'],
      ]) {
        const res = await send(s, op, body);
        expect(res.status).toBe(400);
        expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
        expect(((await res.json()) as { errors: { field: string }[] }).errors.map((e) => e.field)).toContain(field);
      }
      // Nothing ran: the session is still logged in (logout refused its body too).
      expect((await getMe({ client: s.client })).response.status).toBe(200);
    },
  );

  it.each(bodyless.map((op) => [op.operationId, op] as const))(
    '%s takes no body, an empty body and {} alike',
    async (_id, op) => {
      const statuses: number[] = [];
      for (const body of [undefined, '', '{}']) {
        statuses.push((await send(await callerFor(op), op, body)).status);
      }
      expect(statuses[0]).not.toBe(400);
      expect(statuses[0]).toBeLessThan(500);
      expect(statuses).toEqual([statuses[0], statuses[0], statuses[0]]);
    },
  );

  it('close, reopen, preview, apply, read and delete with a body change nothing; with {} they work', async () => {
    const ticket = await ticketBy(me, await customerOf(me), me.user);
    const macro = (
      await createMacro({
        client: me.s.client,
        body: { name: 'Urgent', availableFor: 'personal', actions: [{ type: 'set_priority', value: 'urgent' }] },
      })
    ).data!;
    const messageId = randomUUID();
    await db.query(
      `insert into messages (id, sender_id, receiver_id, body, trigger_id, event, event_id) values ($1, $2, $2, 'hi', $3, 'ticket.closed', $4)`,
      [messageId, me.user.id, randomUUID(), randomUUID()],
    );
    const post = (url: string, body: unknown) =>
      me.s.raw(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    const version = async () => (await getTicket({ client: me.s.client, path: { id: ticket.id } })).data!;

    expect((await post(`/api/tickets/${ticket.id}/close`, { closedAt: '2020-01-01T00:00:00Z' })).status).toBe(400);
    expect(await version()).toMatchObject({ status: 'open', version: ticket.version });
    expect((await post(`/api/tickets/${ticket.id}/macros/${macro.id}/apply`, { priority: 'low' })).status).toBe(400);
    expect((await post(`/api/tickets/${ticket.id}/macros/${macro.id}/preview`, ['x'])).status).toBe(400);
    expect(await version()).toMatchObject({ priority: 'normal', version: ticket.version });
    expect((await post(`/api/messages/${messageId}/read`, { readAt: '2020-01-01T00:00:00Z' })).status).toBe(400);
    expect((await db.query(`select read_at from messages where id = $1`, [messageId])).rows[0].read_at).toBeNull();
    expect(
      (
        await me.s.raw(`/api/tickets/${ticket.id}`, {
          method: 'DELETE',
          headers: { 'content-type': 'application/json' },
          body: '{"force":true}',
        })
      ).status,
    ).toBe(400);
    expect((await getTicket({ client: me.s.client, path: { id: ticket.id } })).response.status).toBe(200);

    expect((await post(`/api/tickets/${ticket.id}/close`, {})).status).toBe(200);
    expect((await post(`/api/tickets/${ticket.id}/reopen`, { reopenedAt: 'now' })).status).toBe(400);
    expect((await version()).status).toBe('closed');
    expect((await post(`/api/tickets/${ticket.id}/reopen`, {})).status).toBe(200);
    expect((await post(`/api/tickets/${ticket.id}/macros/${macro.id}/preview`, {})).status).toBe(200);
    expect((await post(`/api/tickets/${ticket.id}/macros/${macro.id}/apply`, {})).status).toBe(200);
    expect((await post(`/api/messages/${messageId}/read`, {})).status).toBe(200);
    expect((await db.query(`select read_at from messages where id = $1`, [messageId])).rows[0].read_at).not.toBeNull();
  });

  it('says so in the OpenAPI document', () => {
    expect((document as unknown as { info: { description: string } }).info.description).toMatch(
      /without a request body accepts no body, an empty body or `\{\}`/,
    );
  });
});

describe('unknown body fields named like members of Object.prototype', () => {
  const prototypeNames = [
    'constructor',
    'prototype',
    'toString',
    'hasOwnProperty',
    'valueOf',
    'isPrototypeOf',
    '__proto__',
    '__defineGetter__',
  ];

  it.each(prototypeNames)('signup refuses %s with a 400 naming it, and creates no user', async (name) => {
    const user = newUser('proto');
    const text = `${JSON.stringify(user).slice(0, -1)},${JSON.stringify(name)}:{"admin":true}}`;
    const res = await new ApiSession(server.baseUrl).raw('/api/auth/signup', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: text,
    });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({
      status: 400,
      errors: [{ field: name, message: `${name} is not an allowed field` }],
    });
    expect((await db.query(`select 1 from users where username = $1`, [user.username])).rowCount).toBe(0);
  });

  it('refuses them in nested objects and array items too, with their paths', async () => {
    const post = (url: string, text: string) =>
      me.s.raw(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: text });
    const macro = await post(
      '/api/macros',
      '{"name":"m","availableFor":"personal","actions":[{"type":"set_priority","value":"urgent","constructor":1}]}',
    );
    expect(await macro.json()).toMatchObject({ status: 400, errors: [{ field: 'actions.0.constructor' }] });
    const proto = await post(
      '/api/macros',
      '{"name":"m","availableFor":"personal","actions":[{"type":"set_priority","value":"urgent","__proto__":{"x":1}}]}',
    );
    expect(await proto.json()).toMatchObject({ status: 400, errors: [{ field: 'actions.0.__proto__' }] });
    const trigger = await post(
      '/api/triggers',
      '{"name":"t","event":"ticket.closed","recipient":{"kind":"ticket_assignee","toString":"x"},"message":"m","conditions":{"valueOf":1}}',
    );
    expect(((await trigger.json()) as { errors: { field: string }[] }).errors.map((e) => e.field).sort()).toEqual([
      'conditions.valueOf',
      'recipient.toString',
    ]);
  });

  it('lists them beside the other invalid fields', async () => {
    const res = await new ApiSession(server.baseUrl).raw('/api/auth/signup', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"email":"nope","toString":1}',
    });
    expect(((await res.json()) as { errors: { field: string }[] }).errors.map((e) => e.field)).toEqual(
      expect.arrayContaining(['toString', 'email', 'username', 'password']),
    );
  });

  it('refuses them in query strings as well', async () => {
    const res = await me.s.raw('/api/tickets?constructor=1');
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ errors: [{ field: 'constructor' }] });
  });

  it('pollutes no prototype (the server runs in this process) and still accepts the valid body', async () => {
    const poison =
      '{"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}},"a":{"__proto__":{"polluted":true}}}';
    expect(
      (
        await new ApiSession(server.baseUrl).raw('/api/auth/signup', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: poison,
        })
      ).status,
    ).toBe(400);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    const res = await signup({ client: new ApiSession(server.baseUrl).client, body: newUser('clean') });
    expect(res.response.status).toBe(201);
    expect(
      (
        await createTrigger({
          client: me.s.client,
          body: { name: 't', event: 'ticket.closed', recipient: { kind: 'ticket_assignee' }, message: 'm' },
        })
      ).response.status,
    ).toBe(201);
  });
});

describe('integers in query strings', () => {
  it('take decimal digits only: hex, exponents, fractions, signs and spaces are 400 naming the parameter', async () => {
    for (const limit of ['0x10', '1e1', '10.0', ' 10', '+10', '010', '1_0', '١٠']) {
      const res = await me.s.raw(`/api/tickets?limit=${encodeURIComponent(limit)}`);
      expect({ limit, status: res.status }).toEqual({ limit, status: 400 });
      expect((await res.json()).errors).toEqual([
        { field: 'limit', message: 'limit must be an integer from 1 to 100' },
      ]);
    }
    const ok = await me.s.raw('/api/tickets?limit=10');
    expect(ok.status).toBe(200);
  });
});
