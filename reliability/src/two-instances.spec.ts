import {
  closeTicket,
  createTicketComment,
  createTrigger,
  getMe,
  getTicket,
  listMessages,
  listTickets,
  login,
  logout,
  updateTicket,
} from '@bw/sdk';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApiSession, newUser } from '@bw/testing/api-session';
import { startChildServer, type ChildServer } from '@bw/testing/child-server';
import { customerOf, person, ticketBy } from '@bw/testing/fixtures';
import { eventually, IsolatedDatabase, isolatedDatabase } from '@bw/testing/isolated-database';
import { recordFigures } from './support/figures';
import { setting } from './support/mode';

const CLOSES = setting('TWO_INSTANCE_CLOSES', 40, 300);

jest.setTimeout(10 * 60_000);

/** A tiny round-robin reverse proxy (node:http): request n goes to backend n mod 2. */
async function roundRobin(targets: string[]): Promise<{ url: string; hits: number[]; close(): Promise<void> }> {
  const hits = targets.map(() => 0);
  let next = 0;
  const agent = new http.Agent({ keepAlive: true });
  const server = http.createServer((req, res) => {
    const i = next++ % targets.length;
    hits[i]++;
    const target = new URL(req.url ?? '/', targets[i]);
    const upstream = http.request(
      target,
      { method: req.method, headers: { ...req.headers, host: target.host }, agent },
      (up) => {
        res.writeHead(up.statusCode ?? 502, up.headers);
        up.pipe(res);
      },
    );
    upstream.on('error', () => {
      res.writeHead(502);
      res.end();
    });
    req.pipe(upstream);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    hits,
    close: () =>
      new Promise<void>((resolve) => {
        agent.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

describe('two API instances on one database behind a round-robin proxy', () => {
  let db: IsolatedDatabase;
  let a: ChildServer;
  let b: ChildServer;
  let proxy: Awaited<ReturnType<typeof roundRobin>>;
  beforeAll(async () => {
    db = await isolatedDatabase();
    const env = { DATABASE_URL: db.url, OUTBOX_DISPATCH: 'true', OUTBOX_POLL_MS: '100' };
    [a, b] = await Promise.all([startChildServer(env), startChildServer(env)]);
    proxy = await roundRobin([a.baseUrl, b.baseUrl]);
  }, 240_000);
  afterAll(async () => {
    await proxy?.close();
    await a?.kill('SIGKILL');
    await b?.kill('SIGKILL');
    await db?.drop();
  });

  it('keeps a user logged in on both instances, and logs them out of both', async () => {
    const body = newUser('twin');
    const s = new ApiSession(proxy.url);
    expect(
      (
        await s.raw('/api/auth/signup', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(body),
        })
      ).status,
    ).toBe(201);
    expect(
      (await login({ client: s.client, body: { email: body.email, password: body.password } })).response.status,
    ).toBe(200);
    for (const base of [a.baseUrl, b.baseUrl]) {
      const direct = new ApiSession(base);
      for (const [k, v] of s.cookies) direct.cookies.set(k, v);
      expect((await getMe({ client: direct.client })).data?.user.email).toBe(body.email.toLowerCase());
    }
    // Ten calls through the proxy alternate instances; all authenticated, CSRF accepted on both.
    const c = await customerOf({ s, user: (await getMe({ client: s.client })).data!.user });
    for (let i = 0; i < 10; i++) expect((await getMe({ client: s.client })).response.status).toBe(200);
    const t = await ticketBy(
      { s, user: (await getMe({ client: s.client })).data!.user },
      c,
      (await getMe({ client: s.client })).data!.user,
    );
    for (let i = 0; i < 4; i++)
      expect(
        (await createTicketComment({ client: s.client, path: { id: t.id }, body: { body: `hop ${i}` } })).response
          .status,
      ).toBe(201);
    const saved = new Map(s.cookies);
    expect((await logout({ client: s.client })).response.status).toBe(204);
    for (const base of [a.baseUrl, b.baseUrl]) {
      const direct = new ApiSession(base);
      for (const [k, v] of saved) direct.cookies.set(k, v);
      expect((await getMe({ client: direct.client })).response.status).toBe(401);
    }
  });

  it(`runs the core flows and handles each of ${CLOSES} close events exactly once`, async () => {
    const owner = await person(proxy.url, 'twinowner');
    const assignee = await person(proxy.url, 'twinassignee');
    const trigger = (
      await createTrigger({
        client: owner.s.client,
        body: {
          name: 'to creator',
          event: 'ticket.closed',
          recipient: { kind: 'ticket_creator' },
          message: 'closed {{ticket.title}}',
        },
      })
    ).data!;
    const c = await customerOf(owner);
    const ids: string[] = [];
    for (let i = 0; i < CLOSES; i++) ids.push((await ticketBy(owner, c, assignee.user, { title: `twin ${i}` })).id);
    // Core flow on alternating instances: read, edit (optimistic locking holds across them), close.
    const first = (await getTicket({ client: assignee.s.client, path: { id: ids[0] } })).data!;
    expect(
      (
        await updateTicket({
          client: assignee.s.client,
          path: { id: ids[0] },
          body: { priority: 'urgent', version: first.version },
        })
      ).response.status,
    ).toBe(200);
    expect(
      (
        await updateTicket({
          client: owner.s.client,
          path: { id: ids[0] },
          body: { priority: 'low', version: first.version },
        })
      ).response.status,
    ).toBe(409);
    await Promise.all(
      ids.map(async (id, i) => {
        await new Promise((resolve) => setTimeout(resolve, (i % 8) * 10));
        const who = i % 2 ? owner : assignee;
        expect((await closeTicket({ client: who.s.client, path: { id } })).response.status).toBe(200);
      }),
    );
    await eventually(
      'every close delivered',
      async () =>
        (
          await db.query<{ n: number }>(
            `select count(*)::int as n from outbox_events where name = 'ticket.closed' and status <> 'done'`,
          )
        )[0].n === 0,
      60_000,
      100,
    );
    const perTicket = await db.query<{ ticket_id: string; n: number }>(
      `select ticket_id, count(*)::int as n from messages where trigger_id = $1 group by ticket_id`,
      [trigger.id],
    );
    expect(perTicket).toHaveLength(CLOSES);
    expect(perTicket.filter((r) => r.n !== 1)).toEqual([]);
    // Each event was handled by exactly one of the two dispatchers (one attempt each).
    const attempts = await db.query<{ attempts: number }>(
      `select attempts from outbox_events where name = 'ticket.closed' and (payload->'ticket'->>'id')::uuid = any($1::uuid[])`,
      [ids],
    );
    expect(attempts.map((r) => r.attempts)).toEqual(ids.map(() => 1));
    const inbox = await listMessages({ client: owner.s.client, query: { box: 'inbox', limit: 100 } });
    expect(inbox.data!.items.length).toBe(Math.min(CLOSES, 100));
    const list = await listTickets({ client: owner.s.client, query: { status: 'closed', limit: 100 } });
    expect(list.data!.items.length).toBe(Math.min(CLOSES, 100));
    expect(proxy.hits[0]).toBeGreaterThan(10);
    expect(proxy.hits[1]).toBeGreaterThan(10);
    recordFigures('two-instances', {
      closes: CLOSES,
      messages: perTicket.length,
      duplicates: 0,
      proxiedRequests: proxy.hits,
    });
  });
});
