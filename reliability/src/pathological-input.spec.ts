import { createApiToken, createMacro, createSavedView, createTrigger, createWebhook } from '@bw/sdk';
import { ApiSession } from '@bw/testing/api-session';
import { customerOf, person, Person, ticketBy } from '@bw/testing/fixtures';
import { eventually, IsolatedDatabase, isolatedDatabase } from '@bw/testing/isolated-database';
import { startTestServer, TestServer } from '@bw/testing/server';
import { fillPath, Operation, operations } from './support/contract';
import { recordFigures } from './support/figures';
import { HealthProbe } from './support/health-probe';
import {
  Family,
  FAMILIES,
  fieldName,
  fitted,
  StringField,
  stringFields,
  withValue,
} from './support/pathological-inputs';

/**
 * Pathological input (issue 11): every string input of every operation in libs/sdk/openapi.json
 * (body properties, nested ones included, query parameters, path ids) receives each known
 * pathological string of support/pathological-inputs.ts (template openers and whitespace, nested
 * braces, (a+)+ killers, @- and dot-heavy emails, LIKE metacharacters, long dotted usernames,
 * unicode, forged cursors) at the field's maxLength and at the largest size the request can carry
 * (the body limit, the URL and header limits of Node's parser, the router's id length), plus
 * headers (X-Request-Id, Content-Type charset, Authorization, Cookie). Adversarial templates are
 * saved in triggers and macros and rendered: trigger dry run, delivery by the outbox dispatcher
 * after a close, macro preview, apply, and creation with a macro. A health probe asks
 * GET /api/health in a loop all along.
 *
 * Fails when a request answers 5xx, or when a request or a probe answer takes longer than
 * BOUND_MS. Why 1,000 ms: on this 2-core machine a request that does not hash a password answers
 * in a few milliseconds, and the slowest of a whole run stays near a tenth of a second even on a
 * busy machine (the figures of this spec and of the fuzz and soak specs are in docs/reliability.md),
 * so the bound leaves a tenfold margin for CI noise; the stall it guards against is seconds long: the former placeholder regex
 * held the event loop for seconds at 1,800 spaces, and templates may hold 5,000 (trigger) and
 * 10,000 (macro) characters. Login and signup run scrypt in the thread pool, off the event loop,
 * which costs a few tenths of a second of CPU: their own answers get SCRYPT_BOUND_MS, while the
 * probe keeps BOUND_MS throughout.
 * Fixed inputs, no randomness; waits are conditions with deadlines.
 */
const BOUND_MS = 1_000;
const SCRYPT_BOUND_MS = 3_000;
const SCRYPT_OPS = new Set(['login', 'signup']);
const SESSION_OPS = new Set(['login', 'signup', 'demoLogin', 'logout']);
/** BODY_LIMIT is set to 100kb below; bodies are made to just under it. */
const BODY_BYTES = 100 * 1024 - 64;
/** Node's parser takes 16 KiB of request line and headers: query values and headers get most of it. */
const QUERY_BYTES = 12_000;
const HEADER_BYTES = 8_000;
/** The router's maxParamLength (configure-app.ts). */
const PATH_BYTES = 500;
const TEMPLATE_FAMILIES = FAMILIES.filter((f) => f.name.startsWith('template:'));

jest.setTimeout(15 * 60_000);

const JSON_TYPE = { 'content-type': 'application/json' };
const bytes = (s: string) => Buffer.byteLength(s, 'utf8');
const ops = operations();
const targets = ops.map((op) => ({ op, fields: stringFields(op) })).filter((t) => t.fields.length > 0);

describe('pathological input at maximum length, with a health probe beside it', () => {
  let db: IsolatedDatabase;
  let server: TestServer;
  let owner: Person;
  let probe: HealthProbe;
  let ids: Record<string, string>;
  let requests = 0;
  let slowest = { ms: 0, what: '' };
  let slowestWithoutScrypt = { ms: 0, what: '' };
  const statuses = new Map<number, number>();
  const versions = new Map<string, number>();
  let unique = 0;

  beforeAll(async () => {
    db = await isolatedDatabase();
    server = await startTestServer({
      DATABASE_URL: db.url,
      OUTBOX_DISPATCH: 'true',
      OUTBOX_POLL_MS: '100',
      BODY_LIMIT: '100kb',
      LOGIN_MAX_FAILURES_PER_IP: '1000000',
      API_RATE_LIMIT_PER_MINUTE: '0',
    });
    owner = await person(server.baseUrl, 'patho');
    const mate = await person(server.baseUrl, 'pathomate');
    const customer = await customerOf(owner);
    const ticket = await ticketBy(owner, customer, mate.user);
    const c = owner.s.client;
    const macro = (
      await createMacro({
        client: c,
        body: {
          name: 'base',
          availableFor: 'personal',
          actions: [{ type: 'add_comment', value: 'Hi {{customer.name}}' }],
        },
      })
    ).data!;
    const trigger = (
      await createTrigger({
        client: c,
        body: {
          name: 'base',
          event: 'ticket.closed',
          recipient: { kind: 'ticket_creator' },
          message: 'Closed {{ticket.title}}',
          active: false,
        },
      })
    ).data!;
    const token = (await createApiToken({ client: c, body: { name: 'base' } })).data!;
    const view = (await createSavedView({ client: c, body: { name: 'base', filters: { status: 'open' } } })).data!;
    const webhook = (
      await createWebhook({ client: c, body: { name: 'base', url: 'https://93.184.215.14/hooks/base', active: false } })
    ).data!;
    ids = {
      views: view.id,
      webhooks: webhook.id,
      users: owner.user.id,
      mate: mate.user.id,
      customers: customer.id,
      tickets: ticket.id,
      macros: macro.id,
      triggers: trigger.id,
      tokens: token.id,
      messages: '00000000-0000-4000-8000-000000000000',
    };
    probe = new HealthProbe(server.baseUrl);
    probe.start();
  }, 120_000);

  afterAll(async () => {
    await probe?.stop();
    await server?.close();
    await db?.drop();
    const all = probe?.since(0, BOUND_MS);
    recordFigures('pathological-input', {
      requests,
      boundMs: BOUND_MS,
      slowestRequest: { ms: Math.round(slowest.ms), what: slowest.what },
      slowestWithoutScrypt: { ms: Math.round(slowestWithoutScrypt.ms), what: slowestWithoutScrypt.what },
      probeAnswers: all?.answers,
      probeSlowestMs: all?.slowest,
      statuses: Object.fromEntries([...statuses].sort((a, b) => a[0] - b[0])),
    });
  });

  /** A valid body for each operation that takes one, so the odd field is the only odd thing. */
  function baseBody(op: Operation): Record<string, unknown> {
    const n = ++unique;
    const version = versions.get(op.operationId) ?? 1;
    const bodies: Record<string, Record<string, unknown>> = {
      login: { email: 'nobody@example.com', password: 'not-the-password' },
      signup: { email: `patho.${n}@example.com`, username: `patho_${n}`, password: 'correct horse battery' },
      createApiToken: { name: 'token' },
      createCustomer: { name: 'Customer', email: 'customer@example.com' },
      updateCustomer: { name: 'Customer', version },
      createMacro: { name: 'Macro', availableFor: 'personal', actions: [{ type: 'add_comment', value: 'Hi' }] },
      updateMacro: { actions: [{ type: 'add_comment', value: 'Hi' }], version },
      createTicket: {
        title: 'Ticket',
        customerId: ids.customers,
        assigneeId: ids.mate,
        type: 'question',
        priority: 'normal',
        topic: 'general',
      },
      updateTicket: { title: 'Ticket', version },
      bulkChangeTickets: { ids: [ids.tickets], action: { type: 'set_priority', value: 'high' } },
      createTicketComment: { body: 'Hello' },
      reportTicketPresence: { state: 'viewing' },
      createTrigger: {
        name: 'Trigger',
        event: 'ticket.closed',
        recipient: { kind: 'ticket_creator' },
        message: 'Closed',
      },
      updateTrigger: { message: 'Closed', version },
      testTrigger: { ticketId: ids.tickets },
      createSavedView: { name: `View ${n}`, filters: { status: 'open' } },
      updateSavedView: { name: `View ${n}`, version },
      createWebhook: { name: 'Hook', url: 'https://93.184.215.14/hooks/patho' },
      updateWebhook: { name: 'Hook', version },
    };
    const body = bodies[op.operationId];
    if (!body) throw new Error(`no base body for ${op.operationId}: add one`);
    return body;
  }

  /** Real ids for the path parameters that are not under test: the resource the path names. */
  function pathValues(op: Operation, except?: string, value?: string): Record<string, string> {
    const resource = op.path.split('/')[op.path.startsWith('/api/auth/') ? 3 : 2];
    const values: Record<string, string> = {};
    for (const p of op.pathParams) values[p.name] = p.name === 'macroId' ? ids.macros : (ids[resource] ?? ids.messages);
    if (except) values[except] = value ?? '';
    return values;
  }

  async function send(
    op: Operation,
    what: string,
    url: string,
    init: { body?: string; headers?: Record<string, string>; session?: ApiSession } = {},
  ) {
    const session = init.session ?? (SESSION_OPS.has(op.operationId) ? new ApiSession(server.baseUrl) : owner.s);
    const headers = { ...(init.body === undefined ? {} : JSON_TYPE), ...init.headers };
    const started = performance.now();
    const res = await session.raw(url, {
      method: op.method,
      headers,
      body: init.body,
      signal: AbortSignal.timeout(120_000),
    });
    const text = await res.text();
    const ms = performance.now() - started;
    requests++;
    statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
    if (ms > slowest.ms) slowest = { ms, what: `${op.operationId} ${what}` };
    if (!SCRYPT_OPS.has(op.operationId) && ms > slowestWithoutScrypt.ms)
      slowestWithoutScrypt = { ms, what: `${op.operationId} ${what}` };
    if (res.status === 200 && op.method === 'PATCH')
      versions.set(op.operationId, (JSON.parse(text) as { version: number }).version);
    const bound = SCRYPT_OPS.has(op.operationId) ? SCRYPT_BOUND_MS : BOUND_MS;
    const problems: string[] = [];
    if (res.status >= 500) problems.push(`answered ${res.status}: ${text.slice(0, 200)}`);
    if (ms > bound) problems.push(`took ${Math.round(ms)} ms (bound ${bound} ms)`);
    return { status: res.status, text, problems: problems.map((p) => `${op.operationId} ${what}: ${p}`) };
  }

  /**
   * The requests for one field and one family: at its maxLength and at the largest size its place
   * can carry. Bodies are built when sent, so a PATCH carries the version the last one returned.
   */
  function requestsFor(
    op: Operation,
    field: StringField,
    family: Family,
  ): { what: string; url: string; body: () => string | undefined }[] {
    const name = String(field.path[field.path.length - 1]);
    const plainUrl = fillPath(op.path, pathValues(op));
    const baseOrNone = () => (op.body ? JSON.stringify(baseBody(op)) : undefined);
    const described = (v: string) => `${fieldName(field)} ${family.name} (${v.length})`;
    const atMaxLength = field.maxLength ? [family.make(field.maxLength)] : [];
    if (field.in === 'path') {
      const value = fitted(family.make, PATH_BYTES, (v) => fillPath(`{${name}}`, { [name]: v }).length);
      return [{ what: described(value), url: fillPath(op.path, pathValues(op, name, value)), body: baseOrNone }];
    }
    if (field.in === 'query') {
      const values = [...atMaxLength, fitted(family.make, QUERY_BYTES, (v) => encodeURIComponent(v).length)];
      return values.map((v) => ({
        what: described(v),
        url: `${plainUrl}?${name}=${encodeURIComponent(v)}`,
        body: () => undefined,
      }));
    }
    const bodyOf = (v: string) => JSON.stringify(withValue(baseBody(op), field.path, v));
    const values = [...atMaxLength, fitted(family.make, BODY_BYTES, (v) => bytes(bodyOf(v)))].filter(
      (v) => bytes(bodyOf(v)) <= BODY_BYTES,
    );
    return values.map((v) => ({ what: described(v), url: plainUrl, body: () => bodyOf(v) }));
  }

  function expectProbeWithinBound(mark: number): void {
    const { bad } = probe.since(mark, BOUND_MS);
    expect(bad.map((s) => `health answered ${s.status} after ${Math.round(s.ms)} ms (at ${s.at} ms)`)).toEqual([]);
  }

  it('finds the string inputs of the document, the template fields among them', () => {
    const names = targets.flatMap((t) => t.fields.map((f) => `${t.op.operationId} ${fieldName(f)}`));
    expect(names).toEqual(
      expect.arrayContaining([
        'createTrigger body:message',
        'updateMacro body:actions.0.value',
        'listTickets query:q',
        'listUsers query:cursor',
        'getTicket path:id',
        'signup body:username',
      ]),
    );
    expect(targets.length).toBeGreaterThanOrEqual(30);
  });

  it.each(targets.map((t) => [t.op.operationId, t] as const))(
    '%s: every string input, every pathological value, answered within the bound',
    async (_id, { op, fields }) => {
      const mark = probe.mark();
      const problems: string[] = [];
      // A stall costs seconds per request: three problems are enough to report.
      for (const field of fields) {
        for (const family of FAMILIES) {
          for (const r of requestsFor(op, field, family))
            if (problems.length < 3) problems.push(...(await send(op, r.what, r.url, { body: r.body() })).problems);
        }
      }
      expect(problems).toEqual([]);
      expectProbeWithinBound(mark);
    },
  );

  it('headers: X-Request-Id, Content-Type charset, Authorization and Cookie, answered within the bound', async () => {
    const mark = probe.mark();
    const me = ops.find((o) => o.operationId === 'getMe')!;
    const comment = ops.find((o) => o.operationId === 'createTicketComment')!;
    const commentUrl = fillPath(comment.path, { id: ids.tickets });
    const problems: string[] = [];
    for (const family of FAMILIES.filter((f) => f.ascii)) {
      const v = fitted(family.make, HEADER_BYTES, (x) => x.length);
      const sends = [
        send(me, `x-request-id ${family.name}`, '/api/auth/me', { headers: { 'x-request-id': v } }),
        send(comment, `content-type charset ${family.name}`, commentUrl, {
          body: '{"body":"hi"}',
          headers: { 'content-type': `application/json; charset=${v}` },
        }),
        send(comment, `content-type parameters ${family.name}`, commentUrl, {
          body: '{"body":"hi"}',
          headers: { 'content-type': `application/json;${v}` },
        }),
        send(me, `authorization ${family.name}`, '/api/auth/me', {
          headers: { authorization: `Bearer ${v}` },
          session: new ApiSession(server.baseUrl),
        }),
        send(me, `cookie ${family.name}`, '/api/auth/me', {
          headers: { cookie: `XSRF-TOKEN=${v}; sid=${v}` },
          session: new ApiSession(server.baseUrl),
        }),
      ];
      for (const s of sends) problems.push(...(await s).problems);
    }
    expect(problems).toEqual([]);
    expectProbeWithinBound(mark);
  });

  /** The title every ticket of the template tests has, and what each template renders to with it. */
  const TITLE = 'Printer on fire';
  const rendered = (template: string) =>
    template.split('{{ticket.title}}').join(TITLE).split('{{ ticket.title }}').join(TITLE);
  const templates = (n: number) => [
    ...TEMPLATE_FAMILIES.map((f) => ({ name: f.name, text: f.make(n) })).filter((t) => !t.name.includes('{{{{a}}}}')),
    { name: 'known placeholder, then {{ and spaces', text: `{{ticket.title}}{{${' '.repeat(n - 18)}` },
    { name: 'known placeholders repeated', text: '{{ ticket.title }}'.repeat(Math.floor(n / 18)) },
    { name: 'lone closers, no name', text: '{{ }'.repeat(Math.floor(n / 4)) },
  ];

  it('a trigger with an adversarial message is saved, dry-run and rendered by the dispatcher, within the bound', async () => {
    const mark = probe.mark();
    const trigger = ops.find((o) => o.operationId === 'createTrigger')!;
    const test = ops.find((o) => o.operationId === 'testTrigger')!;
    const close = ops.find((o) => o.operationId === 'closeTicket')!;
    const customer = await customerOf(owner);
    const ticket = await ticketBy(owner, customer, owner.user, { title: TITLE });
    const problems: string[] = [];
    const created: { id: string; expected: string; name: string }[] = [];
    for (const t of templates(5000)) {
      const body = JSON.stringify({
        name: t.name,
        event: 'ticket.closed',
        recipient: { kind: 'ticket_creator' },
        message: t.text,
      });
      const saved = await send(trigger, `message ${t.name}`, '/api/triggers', { body });
      problems.push(...saved.problems);
      expect([t.name, saved.status]).toEqual([t.name, 201]);
      const id = (JSON.parse(saved.text) as { id: string }).id;
      created.push({ id, expected: rendered(t.text), name: t.name });
      const dry = await send(test, `dry run ${t.name}`, fillPath(test.path, { id }), {
        body: JSON.stringify({ ticketId: ticket.id }),
      });
      problems.push(...dry.problems);
      expect((JSON.parse(dry.text) as { message?: { body: string } }).message?.body).toBe(rendered(t.text));
    }
    problems.push(
      ...(
        await send(
          close,
          'close a ticket with the adversarial triggers active',
          fillPath(close.path, { id: ticket.id }),
        )
      ).problems,
    );
    const delivered = async () =>
      db.query<{ trigger_id: string; body: string }>(
        `select trigger_id, body from messages where ticket_id = $1 and trigger_id = any($2::uuid[])`,
        [ticket.id, created.map((c) => c.id)],
      );
    await eventually(
      'a message from every adversarial trigger',
      async () => (await delivered()).length === created.length,
      30_000,
    );
    const bodies = new Map((await delivered()).map((m) => [m.trigger_id, m.body]));
    for (const c of created) expect([c.name, bodies.get(c.id) === c.expected]).toEqual([c.name, true]);
    expect(problems).toEqual([]);
    expectProbeWithinBound(mark);
  });

  it('macros with adversarial comments are saved, previewed, applied and used at ticket creation, within the bound', async () => {
    const mark = probe.mark();
    const [create, preview, apply, createTicket] = [
      'createMacro',
      'previewMacroOnTicket',
      'applyMacroToTicket',
      'createTicket',
    ].map((id) => ops.find((o) => o.operationId === id)!);
    const customer = await customerOf(owner);
    const problems: string[] = [];
    // One macro per template, then one with as many 10,000-character templates as the body limit allows.
    const all = templates(10000);
    const batch: typeof all = [];
    while (
      batch.length < all.length &&
      bytes(JSON.stringify(batch.concat(all[batch.length]).map((t) => ({ type: 'add_comment', value: t.text })))) <
        BODY_BYTES - 200
    )
      batch.push(all[batch.length]);
    const macros = [...all.map((t) => [t]), batch];
    expect(batch.length).toBeGreaterThan(1);
    for (const actions of macros) {
      const label = actions.length > 1 ? `${actions.length} templates` : actions[0].name;
      const body = JSON.stringify({
        name: label.slice(0, 100),
        availableFor: 'personal',
        actions: actions.map((t) => ({ type: 'add_comment', value: t.text })),
      });
      const saved = await send(create, `comment ${label}`, '/api/macros', { body });
      problems.push(...saved.problems);
      expect([label, saved.status]).toEqual([label, 201]);
      const macroId = (JSON.parse(saved.text) as { id: string }).id;
      const ticket = await ticketBy(owner, customer, owner.user, { title: TITLE });
      const expected = actions.map((t) => rendered(t.text).slice(0, 10000));
      const previewed = await send(preview, `preview ${label}`, fillPath(preview.path, { id: ticket.id, macroId }));
      const applied = await send(apply, `apply ${label}`, fillPath(apply.path, { id: ticket.id, macroId }));
      const fresh = await send(createTicket, `create with ${label}`, '/api/tickets', {
        body: JSON.stringify({
          title: TITLE,
          customerId: customer.id,
          assigneeId: owner.user.id,
          type: 'task',
          priority: 'low',
          topic: 'other',
          macroId,
        }),
      });
      problems.push(...previewed.problems, ...applied.problems, ...fresh.problems);
      expect([label, previewed.status, applied.status, fresh.status]).toEqual([label, 200, 200, 201]);
      const comments = (JSON.parse(previewed.text) as { comments: { body: string }[] }).comments.map((x) => x.body);
      expect([label, expected.every((e) => comments.includes(e))]).toEqual([label, true]);
    }
    expect(problems).toEqual([]);
    expectProbeWithinBound(mark);
  });

  it('the health probe answered all along, every answer 200 within the bound', () => {
    const { answers, bad } = probe.since(0, BOUND_MS);
    expect(answers).toBeGreaterThan(100);
    expect(bad.map((s) => `health answered ${s.status} after ${Math.round(s.ms)} ms (at ${s.at} ms)`)).toEqual([]);
  });
});
