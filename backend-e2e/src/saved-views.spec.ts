import {
  countSavedViews,
  createSavedView,
  deleteSavedView,
  getSavedView,
  listSavedViews,
  listTickets,
  updateSavedView,
  type CreateSavedViewDto,
  type ListTicketsData,
  type SavedViewDto,
} from '@bw/sdk';
import { Client } from 'pg';
import { customerOf, fields, person, Person, ticketBy } from './support/fixtures';
import { plainStatement, startTestServer, TestServer } from './support/server';

type ListQuery = NonNullable<ListTicketsData['query']>;

let server: TestServer;
let db: Client;
beforeAll(async () => {
  server = await startTestServer();
  db = new Client({ connectionString: process.env['TEST_DATABASE_URL'] });
  await db.connect();
});
afterAll(async () => {
  await db.end();
  await server.close();
});

async function viewOf(p: Person, body: CreateSavedViewDto): Promise<SavedViewDto> {
  const res = await createSavedView({ client: p.s.client, body });
  if (!res.data) throw new Error(`createSavedView failed: ${res.response.status} ${JSON.stringify(res.error)}`);
  return res.data;
}

/** Every page of `p`'s list for `query`, `limit` at a time. */
async function walk(p: Person, query: ListQuery, limit: number): Promise<string[]> {
  const seen: string[] = [];
  let cursor: string | undefined;
  for (let round = 0; round < 50; round++) {
    const page = await listTickets({ client: p.s.client, query: { ...query, limit, cursor } });
    expect(page.response.status).toBe(200);
    seen.push(...page.data!.items.map((t) => t.id));
    cursor = page.data!.nextCursor ?? undefined;
    if (!cursor) return seen;
  }
  throw new Error('the walk did not end in 50 pages');
}

const countsOf = async (p: Person) => {
  const res = await countSavedViews({ client: p.s.client });
  expect(res.response.status).toBe(200);
  return Object.fromEntries(res.data!.items.map((i) => [i.id, { count: i.count, capped: i.capped }]));
};

describe('saved views CRUD', () => {
  it('creates, reads, lists newest first, renames and deletes a view of its owner', async () => {
    const p = await person(server.baseUrl, 'views');
    const created = await createSavedView({
      client: p.s.client,
      body: {
        name: 'Urgent open',
        filters: { status: 'open', priority: ['urgent', 'high'], q: ' ' },
        sort: 'priority',
      },
    });
    expect(created.response.status).toBe(201);
    const view = created.data!;
    expect(created.response.headers.get('location')).toBe(`/api/views/${view.id}`);
    // A blank search narrows nothing, so it is not kept.
    expect(view).toMatchObject({
      name: 'Urgent open',
      filters: { status: 'open', priority: ['urgent', 'high'] },
      sort: 'priority',
      version: 1,
    });
    expect(view.filters).not.toHaveProperty('q');
    const second = await viewOf(p, { name: 'Everything' });
    expect(second).toMatchObject({ filters: {}, sort: 'newest' });

    expect((await getSavedView({ client: p.s.client, path: { id: view.id } })).data).toEqual(view);
    const listed = (await listSavedViews({ client: p.s.client })).data!;
    expect(listed.items.map((v) => v.id)).toEqual([second.id, view.id]);
    const paged = (await listSavedViews({ client: p.s.client, query: { limit: 1 } })).data!;
    expect(paged.items.map((v) => v.id)).toEqual([second.id]);
    const rest = await listSavedViews({ client: p.s.client, query: { limit: 1, cursor: paged.nextCursor! } });
    expect(rest.data!.items.map((v) => v.id)).toEqual([view.id]);

    const renamed = await updateSavedView({
      client: p.s.client,
      path: { id: view.id },
      body: { name: 'Hot', filters: { topic: ['billing'], overdue: true }, version: 1 },
    });
    expect(renamed.response.status).toBe(200);
    // `filters` replaces the filters as a whole; `overdue` is kept with them.
    expect(renamed.data).toMatchObject({
      name: 'Hot',
      filters: { topic: ['billing'], overdue: true },
      sort: 'priority',
      version: 2,
    });
    expect(renamed.data!.filters).not.toHaveProperty('status');

    expect((await deleteSavedView({ client: p.s.client, path: { id: view.id } })).response.status).toBe(204);
    expect((await getSavedView({ client: p.s.client, path: { id: view.id } })).response.status).toBe(404);
  });

  it('answers 409 to a stale version and changes nothing', async () => {
    const p = await person(server.baseUrl, 'vstale');
    const view = await viewOf(p, { name: 'Mine', filters: { status: 'open' } });
    const first = await updateSavedView({ client: p.s.client, path: { id: view.id }, body: { name: 'A', version: 1 } });
    expect(first.data!.version).toBe(2);
    const stale = await updateSavedView({
      client: p.s.client,
      path: { id: view.id },
      body: { name: 'B', sort: 'oldest', version: 1 },
    });
    expect(stale.response.status).toBe(409);
    expect(fields(stale.error)).toEqual(['version']);
    expect((await getSavedView({ client: p.s.client, path: { id: view.id } })).data).toMatchObject({
      name: 'A',
      sort: 'newest',
      version: 2,
    });
  });

  it('keeps names unique per user ignoring case (409 naming name), but not across users', async () => {
    const [p, q] = await Promise.all([person(server.baseUrl, 'vname'), person(server.baseUrl, 'vname2')]);
    const billing = await viewOf(p, { name: 'Billing' });
    const clash = await createSavedView({ client: p.s.client, body: { name: 'billing' } });
    expect(clash.response.status).toBe(409);
    expect(fields(clash.error)).toEqual(['name']);
    expect((await createSavedView({ client: q.s.client, body: { name: 'Billing' } })).response.status).toBe(201);
    const other = await viewOf(p, { name: 'Other' });
    const rename = await updateSavedView({
      client: p.s.client,
      path: { id: other.id },
      body: { name: 'BILLING', version: other.version },
    });
    expect(rename.response.status).toBe(409);
    expect(fields(rename.error)).toEqual(['name']);
    expect((await getSavedView({ client: p.s.client, path: { id: billing.id } })).data!.name).toBe('Billing');
  });

  it('lets a user keep at most 50 views (409 for one more, even when asked at once)', async () => {
    const p = await person(server.baseUrl, 'vlimit');
    for (let i = 0; i < 45; i++) await viewOf(p, { name: `View ${i}` });
    const raced = await Promise.all(
      Array.from({ length: 8 }, (_, i) => createSavedView({ client: p.s.client, body: { name: `Raced ${i}` } })),
    );
    expect(raced.map((r) => r.response.status).sort()).toEqual([201, 201, 201, 201, 201, 409, 409, 409]);
    const refused = raced.find((r) => r.response.status === 409)!;
    expect(refused.error).toMatchObject({ code: 'SAVED_VIEW_LIMIT_REACHED' });
    const [{ n }] = (await db.query(`select count(*)::int as n from saved_views where owner_id = $1`, [p.user.id]))
      .rows as { n: number }[];
    expect(n).toBe(50);
    expect(Object.keys(await countsOf(p))).toHaveLength(50);
  });
});

describe('saved view validation', () => {
  let p: Person;
  beforeAll(async () => {
    p = await person(server.baseUrl, 'vvalid');
  });

  it.each([
    [{ name: '' }, 'name'],
    [{ name: 'x'.repeat(101) }, 'name'],
    [{ name: 'V', sort: 'soonest' }, 'sort'],
    [{ name: 'V', sort: 'sideways' }, 'sort'],
    [{ name: 'V', filters: 'open' }, 'filters'],
    [{ name: 'V', filters: { box: 'inbox' } }, 'filters.box'],
    [{ name: 'V', filters: { status: 'done' } }, 'filters.status'],
    [{ name: 'V', filters: { priority: ['urgent', 'later'] } }, 'filters.priority'],
    [{ name: 'V', filters: { type: ['bug'] } }, 'filters.type'],
    [{ name: 'V', filters: { topic: 'billing,cooking' } }, 'filters.topic'],
    [{ name: 'V', filters: { customerId: 'not-a-uuid' } }, 'filters.customerId'],
    [{ name: 'V', filters: { q: 'q'.repeat(201) } }, 'filters.q'],
    [{ name: 'V', filters: { overdue: 'yes' } }, 'filters.overdue'],
    [{ name: 'V', filters: { assigneeId: '00000000-0000-4000-8000-000000000001' } }, 'filters.assigneeId'],
    [{ name: 'V', filters: { limit: 5 } }, 'filters.limit'],
    [{ name: 'V', owner: 'me' }, 'owner'],
  ])('answers 400 problem+json naming the field for %j', async (body, field) => {
    const res = await createSavedView({ client: p.s.client, body: body as unknown as CreateSavedViewDto });
    expect(res.response.status).toBe(400);
    expect(res.response.headers.get('content-type')).toMatch(/application\/problem\+json/);
    expect(fields(res.error)).toEqual([field]);
  });

  it('takes a comma-separated list like the query does, and answers arrays', async () => {
    const view = await viewOf(p, { name: 'Commas', filters: { topic: 'billing,hr' as unknown as ['billing'] } });
    expect(view.filters.topic).toEqual(['billing', 'hr']);
  });

  it('validates a PATCH the same way, and needs its version', async () => {
    const view = await viewOf(p, { name: 'To patch' });
    const bad = await updateSavedView({
      client: p.s.client,
      path: { id: view.id },
      body: { filters: { priority: ['soon'] }, version: 1 } as never,
    });
    expect(fields(bad.error)).toEqual(['filters.priority']);
    const versionless = await updateSavedView({
      client: p.s.client,
      path: { id: view.id },
      body: { name: 'X' } as never,
    });
    expect(fields(versionless.error)).toEqual(['version']);
  });
});

describe('saved views of other users', () => {
  it('answers 404 to another user for every operation and for ?view=, exactly like an unknown id', async () => {
    const [owner, stranger] = await Promise.all([person(server.baseUrl, 'vown'), person(server.baseUrl, 'vstr')]);
    const view = await viewOf(owner, { name: 'Private', filters: { status: 'open' } });
    const unknown = '00000000-0000-4000-8000-00000000dead';
    for (const id of [view.id, unknown]) {
      const as = { client: stranger.s.client, path: { id } };
      expect((await getSavedView(as)).response.status).toBe(404);
      expect((await updateSavedView({ ...as, body: { name: 'Mine now', version: 1 } })).response.status).toBe(404);
      expect((await deleteSavedView(as)).response.status).toBe(404);
      expect((await listTickets({ client: stranger.s.client, query: { view: id } })).response.status).toBe(404);
    }
    expect((await getSavedView({ client: stranger.s.client, path: { id: 'counts-ish' } })).response.status).toBe(404);
    const malformed = await listTickets({ client: stranger.s.client, query: { view: 'nope' } });
    expect(malformed.response.status).toBe(400);
    expect(fields(malformed.error)).toEqual(['view']);
    expect(await countsOf(stranger)).toEqual({});
    expect((await getSavedView({ client: owner.s.client, path: { id: view.id } })).data!.name).toBe('Private');
  });
});

describe('listing a view (?view=)', () => {
  it("lists the view's filters in its sort, page by page, and lets explicit parameters override them", async () => {
    const [p, colleague] = await Promise.all([person(server.baseUrl, 'vlist'), person(server.baseUrl, 'vlist2')]);
    const c = await customerOf(p);
    const other = await customerOf(p);
    const made = [];
    for (const [priority, topic, customer] of [
      ['urgent', 'billing', c],
      ['high', 'billing', c],
      ['urgent', 'hr', c],
      ['low', 'billing', c],
      ['high', 'billing', other],
      ['urgent', 'billing', c],
      ['high', 'billing', c],
    ] as const)
      made.push(await ticketBy(p, customer, colleague.user, { priority, topic }));
    // Assigned to p by the colleague: in p's incoming box, which `box: outgoing` leaves out.
    const colleagueCustomer = await customerOf(colleague);
    await ticketBy(colleague, colleagueCustomer, p.user, { priority: 'urgent', topic: 'billing' });

    const view = await viewOf(p, {
      name: 'Hot billing',
      filters: { box: 'outgoing', priority: ['urgent', 'high'], topic: ['billing'], customerId: c.id },
      sort: 'oldest',
    });
    const expected = made
      .filter((t) => t.customer.id === c.id && t.topic === 'billing' && t.priority !== 'low')
      .map((t) => t.id);
    expect(expected).toHaveLength(4);
    expect(await walk(p, { view: view.id }, 1)).toEqual(expected);
    expect(await walk(p, { view: view.id }, 3)).toEqual(expected);
    // The same as asking for the filters directly.
    expect(
      await walk(
        p,
        { box: 'outgoing', priority: 'urgent,high', topic: 'billing', customerId: c.id, sort: 'oldest' },
        2,
      ),
    ).toEqual(expected);

    // Explicit parameters replace the view's: a sort, a priority, a box.
    expect(await walk(p, { view: view.id, sort: 'newest' }, 2)).toEqual([...expected].reverse());
    expect(await walk(p, { view: view.id, priority: 'urgent' }, 10)).toEqual(
      made.filter((t) => t.customer.id === c.id && t.topic === 'billing' && t.priority === 'urgent').map((t) => t.id),
    );
    expect(await walk(p, { view: view.id, box: 'incoming', customerId: colleagueCustomer.id }, 10)).toHaveLength(1);

    // A cursor belongs to the list it came from: not to the view with another sort.
    const first = await listTickets({ client: p.s.client, query: { view: view.id, limit: 1 } });
    const mixed = await listTickets({
      client: p.s.client,
      query: { view: view.id, sort: 'newest', limit: 1, cursor: first.data!.nextCursor! },
    });
    expect(mixed.response.status).toBe(400);
    expect(fields(mixed.error)).toEqual(['cursor']);
  });
});

describe('saved view counts', () => {
  it("counts each of the caller's views with the list's rules, newest view first, in one statement on tickets", async () => {
    const [p, colleague] = await Promise.all([person(server.baseUrl, 'vcount'), person(server.baseUrl, 'vcount2')]);
    const c = await customerOf(p);
    const laptop = await ticketBy(p, c, colleague.user, { title: 'Laptop invoice missing', priority: 'urgent' });
    await ticketBy(p, c, p.user, { title: 'Printer jam', priority: 'low', topic: 'billing' });
    const cc = await customerOf(colleague);
    await ticketBy(colleague, cc, p.user, { title: 'Laptop screen', priority: 'urgent', topic: 'hr' });
    await ticketBy(colleague, cc, colleague.user, { title: 'Not mine', priority: 'urgent' });

    const views = [
      await viewOf(p, { name: 'All' }),
      await viewOf(p, { name: 'Urgent', filters: { priority: ['urgent'] } }),
      await viewOf(p, { name: 'Incoming', filters: { box: 'incoming' } }),
      await viewOf(p, { name: 'Laptops', filters: { q: 'lapt' } }),
      await viewOf(p, { name: 'Billing low', filters: { topic: ['billing'], priority: ['low'], box: 'outgoing' } }),
      await viewOf(p, { name: 'Closed', filters: { status: 'closed' } }),
      await viewOf(p, { name: 'By number', filters: { q: `#${laptop.number}` } }),
    ];
    server.queries.length = 0;
    const res = await countSavedViews({ client: p.s.client });
    const statements = server.queries.map((q) => plainStatement(q).replace(/^\[query\] /, ''));
    expect(statements.filter((q) => /from tickets/.test(q))).toHaveLength(1);
    expect(statements.filter((q) => /from saved_views/.test(q))).toHaveLength(1);
    expect(res.data!.items.map((i) => i.id)).toEqual(views.map((v) => v.id).reverse());
    const counts = Object.fromEntries(res.data!.items.map((i) => [i.id, i.count]));
    expect(views.map((v) => counts[v.id])).toEqual([3, 2, 2, 2, 1, 0, 1]);
    expect(res.data!.items.every((i) => i.capped === false)).toBe(true);
    // Each count is what the view lists.
    for (const v of views) expect(await walk(p, { view: v.id }, 100)).toHaveLength(counts[v.id]);
  });

  it('counts exactly up to 1000 and reports more as 1000, capped', async () => {
    const p = await person(server.baseUrl, 'vcap');
    const c = await customerOf(p);
    // 1000 low tickets and 1 high one, written in one statement (the API would take minutes).
    await db.query(
      `insert into tickets (id, creator_id, assignee_id, customer_id, title, type, priority, topic, created_at, updated_at)
       select gen_random_uuid(), $1, $1, $2, 'Bulk ' || n, 'task', case when n = 0 then 'high' else 'low' end, 'general',
              now() - make_interval(secs => n), now() - make_interval(secs => n)
         from generate_series(0, 1000) n`,
      [p.user.id, c.id],
    );
    const all = await viewOf(p, { name: 'All' });
    const low = await viewOf(p, { name: 'Low', filters: { priority: ['low'] } });
    const incomingLow = await viewOf(p, { name: 'Incoming low', filters: { priority: ['low'], box: 'incoming' } });
    const high = await viewOf(p, { name: 'High', filters: { priority: ['high'] } });
    expect(await countsOf(p)).toEqual({
      [all.id]: { count: 1000, capped: true },
      [low.id]: { count: 1000, capped: false },
      [incomingLow.id]: { count: 1000, capped: false },
      [high.id]: { count: 1, capped: false },
    });
  });
});
