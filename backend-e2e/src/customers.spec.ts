import {
  createCustomer,
  deleteCustomer,
  getCustomer,
  getTicket,
  listCustomers,
  listUserCustomers,
  updateCustomer,
} from '@bw/sdk';
import { customerOf, fields, person, Person, ticketBy } from './support/fixtures';
import { startTestServer, TestServer } from './support/server';

let server: TestServer;
let owner: Person;
let stranger: Person;
beforeAll(async () => {
  server = await startTestServer();
  [owner, stranger] = await Promise.all([person(server.baseUrl, 'owner'), person(server.baseUrl, 'stranger')]);
});
afterAll(() => server.close());

describe('customers', () => {
  it('creates a customer with every field and reads it back', async () => {
    const res = await createCustomer({
      client: owner.s.client,
      body: {
        name: 'Ada Lovelace',
        email: 'ada@example.com',
        phone: '+44 20 1234',
        company: 'Analytical Engines',
        notes: 'VIP',
      },
    });
    expect(res.response.status).toBe(201);
    expect(res.data).toEqual({
      id: expect.any(String),
      name: 'Ada Lovelace',
      email: 'ada@example.com',
      phone: '+44 20 1234',
      company: 'Analytical Engines',
      notes: 'VIP',
      version: 1,
      createdAt: expect.any(String),
      updatedAt: expect.any(String),
    });
    expect((await getCustomer({ client: owner.s.client, path: { id: res.data!.id } })).data).toEqual(res.data);
  });

  it.each([
    [{ name: '', email: 'a@example.com' }, 'name'],
    [{ name: 'x'.repeat(201), email: 'a@example.com' }, 'name'],
    [{ name: 'A', email: 'nope' }, 'email'],
    [{ name: 'A' }, 'email'],
    [{ name: 'A', email: 'a@example.com', phone: 12 }, 'phone'],
    [{ name: 'A', email: 'a@example.com', owner: 'x' }, 'owner'],
  ])('answers 400 naming the field for %j', async (body, field) => {
    const res = await createCustomer({ client: owner.s.client, body: body as never });
    expect(res.response.status).toBe(400);
    expect(fields(res.error)).toContain(field);
  });

  it("hides another user's customer behind 404 for read, edit and delete", async () => {
    const c = await customerOf(owner);
    expect((await getCustomer({ client: stranger.s.client, path: { id: c.id } })).response.status).toBe(404);
    expect(
      (await updateCustomer({ client: stranger.s.client, path: { id: c.id }, body: { name: 'Hijack', version: 1 } }))
        .response.status,
    ).toBe(404);
    expect((await deleteCustomer({ client: stranger.s.client, path: { id: c.id } })).response.status).toBe(404);
    expect((await getCustomer({ client: owner.s.client, path: { id: c.id } })).data!.name).toBe(c.name);
    expect(
      (await listCustomers({ client: stranger.s.client, query: { limit: 100 } })).data!.items.map((x) => x.id),
    ).not.toContain(c.id);
  });

  it('edits with the version read, bumps it, and refuses a stale version with 409 changing nothing', async () => {
    const c = await customerOf(owner);
    const first = await updateCustomer({
      client: owner.s.client,
      path: { id: c.id },
      body: { company: 'New Co', version: 1 },
    });
    expect(first.response.status).toBe(200);
    expect(first.data).toMatchObject({ company: 'New Co', version: 2, name: c.name });
    const stale = await updateCustomer({
      client: owner.s.client,
      path: { id: c.id },
      body: { company: 'Stale Co', version: 1 },
    });
    expect(stale.response.status).toBe(409);
    expect(fields(stale.error)).toEqual(['version']);
    expect((await getCustomer({ client: owner.s.client, path: { id: c.id } })).data).toMatchObject({
      company: 'New Co',
      version: 2,
    });
  });

  it('refuses to clear a required field or omit the version', async () => {
    const c = await customerOf(owner);
    const cleared = await updateCustomer({
      client: owner.s.client,
      path: { id: c.id },
      body: { name: null, version: 1 } as never,
    });
    expect(cleared.response.status).toBe(400);
    expect(fields(cleared.error)).toEqual(['name']);
    const noVersion = await updateCustomer({
      client: owner.s.client,
      path: { id: c.id },
      body: { name: 'X' } as never,
    });
    expect(noVersion.response.status).toBe(400);
    expect(fields(noVersion.error)).toEqual(['version']);
  });

  it('searches by name or email, case-insensitively, treating % and _ literally', async () => {
    const tag = `srch${Date.now().toString(36)}`;
    const byName = await customerOf(owner, { name: `Zed ${tag.toUpperCase()}` });
    const byEmail = await customerOf(owner, { email: `${tag}@example.org` });
    await customerOf(owner, { name: 'Unrelated' });
    const found = await listCustomers({ client: owner.s.client, query: { q: tag, limit: 100 } });
    expect(found.data!.items.map((c) => c.id).sort()).toEqual([byName.id, byEmail.id].sort());
    expect((await listCustomers({ client: owner.s.client, query: { q: '%' } })).data!.items).toEqual([]);
  });

  it('pages newest first with a keyset cursor that stays stable while rows are inserted', async () => {
    const p = await person(server.baseUrl, 'pager');
    const created = [];
    for (let i = 0; i < 5; i++) created.push(await customerOf(p, { name: `Page ${i}` }));
    const first = await listCustomers({ client: p.s.client, query: { limit: 2 } });
    expect(first.data!.items.map((c) => c.name)).toEqual(['Page 4', 'Page 3']);
    // A newer customer appears while the client pages: it must not shift the following pages.
    await customerOf(p, { name: 'Inserted later' });
    const second = await listCustomers({ client: p.s.client, query: { limit: 2, cursor: first.data!.nextCursor! } });
    expect(second.data!.items.map((c) => c.name)).toEqual(['Page 2', 'Page 1']);
    const third = await listCustomers({ client: p.s.client, query: { limit: 2, cursor: second.data!.nextCursor! } });
    expect(third.data!.items.map((c) => c.name)).toEqual(['Page 0']);
    expect(third.data!.nextCursor).toBeNull();
  });

  it('answers 400 for a cursor from another list or a limit out of range', async () => {
    const p = await person(server.baseUrl, 'cursor');
    for (let i = 0; i < 2; i++) await customerOf(p);
    const page = await listCustomers({ client: p.s.client, query: { limit: 1 } });
    const other = await listCustomers({
      client: p.s.client,
      query: { limit: 1, q: 'x', cursor: page.data!.nextCursor! },
    });
    expect(other.response.status).toBe(400);
    expect(fields(other.error)).toEqual(['cursor']);
    const stolen = await listCustomers({
      client: stranger.s.client,
      query: { limit: 1, cursor: page.data!.nextCursor! },
    });
    expect(stolen.response.status).toBe(400);
    expect((await listCustomers({ client: p.s.client, query: { limit: 0 } })).response.status).toBe(400);
  });

  it('lists /users/:id/customers for the caller only', async () => {
    const c = await customerOf(owner);
    const mine = await listUserCustomers({
      client: owner.s.client,
      path: { id: owner.user.id },
      query: { limit: 100 },
    });
    expect(mine.data!.items.map((x) => x.id)).toContain(c.id);
    expect((await listUserCustomers({ client: stranger.s.client, path: { id: owner.user.id } })).response.status).toBe(
      404,
    );
  });

  it('soft-deletes: gone from reads and lists, while its tickets keep its name and email marked deleted', async () => {
    const c = await customerOf(owner, { name: 'Departing Customer', email: 'departing@example.com' });
    const t = await ticketBy(owner, c, stranger.user);
    expect((await deleteCustomer({ client: owner.s.client, path: { id: c.id } })).response.status).toBe(204);
    expect((await getCustomer({ client: owner.s.client, path: { id: c.id } })).response.status).toBe(404);
    expect((await deleteCustomer({ client: owner.s.client, path: { id: c.id } })).response.status).toBe(404);
    expect(
      (await listCustomers({ client: owner.s.client, query: { limit: 100 } })).data!.items.map((x) => x.id),
    ).not.toContain(c.id);
    const ticket = await getTicket({ client: stranger.s.client, path: { id: t.id } });
    expect(ticket.data!.customer).toEqual({
      id: c.id,
      name: 'Departing Customer',
      email: 'departing@example.com',
      deleted: true,
    });
  });

  it('runs a bounded number of queries for a list page, whatever its size', async () => {
    const p = await person(server.baseUrl, 'queries');
    for (let i = 0; i < 12; i++) await customerOf(p);
    await server.drainOutbox();
    const count = async (limit: number) => {
      server.queries.length = 0;
      const res = await listCustomers({ client: p.s.client, query: { limit } });
      expect(res.data!.items).toHaveLength(limit);
      return server.queries.length;
    };
    const small = await count(2);
    const large = await count(12);
    expect(large).toBe(small);
    expect(small).toBeGreaterThanOrEqual(1);
    expect(large).toBeLessThanOrEqual(2);
  });
});
