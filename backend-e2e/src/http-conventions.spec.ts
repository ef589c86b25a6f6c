import { createTicket, type CreateTicketDto, type CustomerDto, type TicketDto } from '@bw/sdk';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Client } from 'pg';
import { ApiSession, newUser } from './support/api-session';
import { customerOf, person, Person } from './support/fixtures';
import { eventually, IsolatedDatabase, isolatedDatabase } from './support/isolated-database';
import { startTestServer, TestServer } from './support/server';

// Issue 13: Location on every 201 and Idempotency-Key on the creating operations (ADR 0010).
const document = JSON.parse(readFileSync(path.resolve(__dirname, '../../libs/sdk/openapi.json'), 'utf8')) as {
  paths: Record<
    string,
    Record<
      string,
      { operationId: string; responses: Record<string, unknown>; parameters?: { name: string; in: string }[] }
    >
  >;
};

let db: IsolatedDatabase;
let server: TestServer;
let other: TestServer;
let me: Person;
let customer: CustomerDto;
beforeAll(async () => {
  // A database of its own: a test holds the tickets table locked.
  db = await isolatedDatabase();
  server = await startTestServer({ DATABASE_URL: db.url });
  other = await startTestServer({ DATABASE_URL: db.url });
  me = await person(server.baseUrl, 'idem');
  customer = await customerOf(me);
}, 60_000);
afterAll(async () => {
  await other?.close();
  await server?.close();
  await db?.drop();
});

const ticketBody = (overrides: Partial<CreateTicketDto> = {}): CreateTicketDto => ({
  title: `Idempotent ${randomUUID().slice(0, 8)}`,
  customerId: customer.id,
  assigneeId: me.user.id,
  type: 'question',
  priority: 'normal',
  topic: 'general',
  ...overrides,
});
const create = (p: Person, body: CreateTicketDto, key?: string) =>
  createTicket({ client: p.s.client, body, headers: key === undefined ? {} : { 'idempotency-key': key } });
const ticketsTitled = async (title: string) =>
  (await db.query<{ n: number }>('select count(*)::int as n from tickets where title = $1', [title]))[0].n;
const createdEvents = async (id: string) =>
  (
    await db.query<{ n: number }>(
      `select count(*)::int as n from outbox_events where name = 'ticket.created' and payload->'ticket'->>'id' = $1`,
      [id],
    )
  )[0].n;

describe('Location', () => {
  const creating = Object.entries(document.paths).flatMap(([p, ops]) =>
    Object.entries(ops)
      .filter(([, op]) => op.responses['201'])
      .map(([, op]) => ({ path: p, id: op.operationId })),
  );

  it('is on the answer of every operation the document says answers 201', async () => {
    const ticket = (await create(me, ticketBody())).data!;
    const bodies: Record<string, { body: unknown; params?: Record<string, string>; session?: ApiSession }> = {
      signup: { body: newUser('loc'), session: new ApiSession(server.baseUrl) },
      createApiToken: { body: { name: 'loc' } },
      createCustomer: { body: { name: 'Loc', email: `loc.${randomUUID().slice(0, 6)}@example.com` } },
      createMacro: {
        body: { name: 'Loc', availableFor: 'personal', actions: [{ type: 'set_priority', value: 'high' }] },
      },
      createSavedView: { body: { name: 'Loc', filters: { status: 'open' } } },
      createTicket: { body: ticketBody() },
      createTicketComment: { body: { body: 'Hello' }, params: { id: ticket.id } },
      createTrigger: {
        body: { name: 'Loc', event: 'ticket.closed', recipient: { kind: 'ticket_assignee' }, message: 'm' },
      },
      // A public IP literal: the default policy refuses private targets, and it needs no DNS.
      createWebhook: { body: { name: 'Loc', url: 'https://93.184.215.14/hooks' } },
    };
    expect(creating.map((op) => op.id).sort()).toEqual(Object.keys(bodies).sort());
    for (const op of creating) {
      const { body, params = {}, session = me.s } = bodies[op.id];
      const url = op.path.replace(/\{(\w+)\}/g, (_, name: string) => params[name]);
      const res = await session.raw(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      expect({ op: op.id, status: res.status }).toEqual({ op: op.id, status: 201 });
      const created = (await res.json()) as { id?: string };
      const location = res.headers.get('location');
      expect({ op: op.id, location }).toEqual({
        op: op.id,
        location: op.id === 'signup' ? '/api/auth/me' : `${url}/${created.id}`,
      });
      // Where the API has a GET for it, the Location reads the new resource.
      if (document.paths[`${op.path}/{id}`]?.['get'] || op.id === 'signup') {
        const read = await session.raw(location!);
        expect({ op: op.id, status: read.status }).toEqual({ op: op.id, status: 200 });
      }
    }
  });
});

describe('Idempotency-Key', () => {
  it('replays the first answer with Idempotent-Replayed and creates and publishes nothing twice', async () => {
    const body = ticketBody();
    const key = randomUUID();
    const first = await create(me, body, key);
    const again = await create(me, body, key);
    expect(first.response.status).toBe(201);
    expect(first.response.headers.get('idempotent-replayed')).toBeNull();
    expect(again.response.status).toBe(201);
    expect(again.response.headers.get('idempotent-replayed')).toBe('true');
    expect(again.response.headers.get('location')).toBe(first.response.headers.get('location'));
    expect(again.response.headers.get('content-type')).toMatch(/^application\/json/);
    expect(again.data).toEqual(first.data);
    expect(await ticketsTitled(body.title)).toBe(1);
    expect(await createdEvents(first.data!.id)).toBe(1);
  });

  it('treats bodies that differ only in key order as the same request', async () => {
    const body = ticketBody();
    const key = randomUUID();
    const reversed = Object.fromEntries(Object.entries(body).reverse()) as CreateTicketDto;
    const first = await create(me, body, key);
    const again = await create(me, reversed, key);
    expect(again.response.headers.get('idempotent-replayed')).toBe('true');
    expect(again.data!.id).toBe(first.data!.id);
  });

  it('answers 422 to the same key with another body, and creates nothing', async () => {
    const key = randomUUID();
    await create(me, ticketBody(), key);
    const changed = ticketBody();
    const res = await create(me, changed, key);
    expect(res.response.status).toBe(422);
    expect(res.error).toMatchObject({ code: 'IDEMPOTENCY_KEY_REUSED', errors: [{ field: 'Idempotency-Key' }] });
    expect(await ticketsTitled(changed.title)).toBe(0);
  });

  it('answers 409 to a retry while the first request is still running, then replays it', async () => {
    const body = ticketBody();
    const key = randomUUID();
    const lock = new Client({ connectionString: db.url });
    await lock.connect();
    let first: ReturnType<typeof create> | undefined;
    try {
      await lock.query('begin');
      // Reads pass, inserts wait: the first request has claimed its key and waits to insert the ticket.
      await lock.query('lock table tickets in exclusive mode');
      first = create(me, body, key);
      await eventually(
        'the first request waits to insert',
        async () =>
          (
            await db.query(
              `select 1 from pg_stat_activity where wait_event_type = 'Lock' and query ilike '%insert into tickets%'`,
            )
          ).length > 0,
      );
      const retry = await create(me, body, key);
      expect(retry.response.status).toBe(409);
      expect(retry.response.headers.get('retry-after')).toBe('1');
      expect(retry.error).toMatchObject({ code: 'IDEMPOTENCY_KEY_IN_USE' });
    } finally {
      await lock.query('commit');
      await lock.end();
    }
    const done = await first!;
    expect(done.response.status).toBe(201);
    const replay = await create(me, body, key);
    expect(replay.response.headers.get('idempotent-replayed')).toBe('true');
    expect(replay.data!.id).toBe(done.data!.id);
  });

  it('gives exactly one 201 to concurrent requests with one key; the rest are 409 or replays', async () => {
    const body = ticketBody();
    const key = randomUUID();
    const results = await Promise.all(
      Array.from({ length: 8 }, (_, i) => create(me, body, key).then((res) => ({ res, i }))),
    );
    const fresh = results.filter(
      ({ res }) => res.response.status === 201 && res.response.headers.get('idempotent-replayed') === null,
    );
    expect(fresh).toHaveLength(1);
    const others = results.filter((result) => result !== fresh[0]);
    for (const { res } of others) {
      if (res.response.status === 201) expect(res.data!.id).toBe(fresh[0].res.data!.id);
      else expect(res.response.status).toBe(409);
    }
    expect(await ticketsTitled(body.title)).toBe(1);
  });

  it('holds across two instances on one database', async () => {
    const body = ticketBody();
    const key = randomUUID();
    const first = await create(me, body, key);
    const onOther = await new ApiSession(other.baseUrl).raw('/api/tickets', {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        cookie: [...me.s.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
        'x-xsrf-token': decodeURIComponent(me.s.cookies.get('XSRF-TOKEN')!),
        'idempotency-key': key,
      },
      body: JSON.stringify(body),
    });
    expect(onOther.status).toBe(201);
    expect(onOther.headers.get('idempotent-replayed')).toBe('true');
    expect(((await onOther.json()) as TicketDto).id).toBe(first.data!.id);
    expect(await ticketsTitled(body.title)).toBe(1);
  });

  it('keeps keys per caller: another user with the same key and body creates its own', async () => {
    const them = await person(server.baseUrl, 'idem2');
    const theirs = await customerOf(them);
    const key = randomUUID();
    const body = ticketBody({ customerId: theirs.id, assigneeId: them.user.id });
    const mine = await create(me, ticketBody({ title: body.title }), key);
    const their = await create(them, body, key);
    expect(their.response.status).toBe(201);
    expect(their.response.headers.get('idempotent-replayed')).toBeNull();
    expect(their.data!.id).not.toBe(mine.data!.id);
  });

  it('runs an operation again after it failed: an error answer is not kept', async () => {
    const key = randomUUID();
    const bad = await create(me, ticketBody({ customerId: randomUUID() }), key);
    expect(bad.response.status).toBe(400);
    const good = await create(me, ticketBody(), key);
    expect(good.response.status).toBe(201);
    expect(good.response.headers.get('idempotent-replayed')).toBeNull();
  });

  it.each([
    ['empty', ''],
    ['longer than 255 characters', 'k'.repeat(256)],
    ['with a space', 'two words'],
    ['with a non-ASCII character', 'clé'],
  ])('refuses a key %s with a 400 naming the header, creating nothing', async (_, key) => {
    const body = ticketBody();
    const res = await me.s.raw('/api/tickets', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': key },
      body: JSON.stringify(body),
    });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ errors: [{ field: 'Idempotency-Key' }] });
    expect(await ticketsTitled(body.title)).toBe(0);
  });

  it('takes a key of exactly 255 visible characters', async () => {
    const res = await create(me, ticketBody(), `${randomUUID()}!~`.padEnd(255, 'x'));
    expect(res.response.status).toBe(201);
  });

  it('is documented on every creating operation that takes it', () => {
    const withKey = Object.values(document.paths).flatMap((ops) =>
      Object.values(ops)
        .filter((op) => op.parameters?.some((p) => p.in === 'header' && p.name === 'Idempotency-Key'))
        .map((op) => op.operationId),
    );
    expect(withKey.sort()).toEqual([
      'bulkChangeTickets',
      'createCustomer',
      'createMacro',
      'createSavedView',
      'createTicket',
      'createTicketComment',
      'createTrigger',
      'createWebhook',
    ]);
  });
});
