import {
  listTickets,
  updateCustomer,
  updateTicket,
  type CustomerDto,
  type ListTicketsData,
  type TicketDto,
} from '@bw/sdk';
import { createOrmConfig } from '@bw/backend/database/mikro-orm.config';
import { MikroORM } from '@mikro-orm/postgresql';
import { Client } from 'pg';
import { customerOf, fields, person, Person, ticketBy } from './support/fixtures';
import { isolatedDatabase } from './support/isolated-database';
import { startTestServer, TestServer } from './support/server';

type ListQuery = NonNullable<ListTicketsData['query']>;

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server.close();
});

/** The ids of the first page of `p`'s list for `query` (at most 100). */
const ids = async (p: Person, query: ListQuery): Promise<string[]> => {
  const res = await listTickets({ client: p.s.client, query: { limit: 100, ...query } });
  expect(res.response.status).toBe(200);
  return res.data!.items.map((t) => t.id);
};

/** Every page of `p`'s list for `query`, `limit` at a time; `between` runs after each page. */
async function walk(p: Person, query: ListQuery, limit: number, between: () => Promise<unknown>): Promise<string[]> {
  const seen: string[] = [];
  let cursor: string | undefined;
  for (let round = 0; round < 50; round++) {
    const page = await listTickets({ client: p.s.client, query: { ...query, limit, cursor } });
    expect(page.response.status).toBe(200);
    seen.push(...page.data!.items.map((t) => t.id));
    cursor = page.data!.nextCursor ?? undefined;
    if (!cursor) return seen;
    await between();
  }
  throw new Error('the walk did not end in 50 pages');
}

const RANK = { urgent: 4, high: 3, normal: 2, low: 1 } as const;
const newestFirst = (x: TicketDto, y: TicketDto) =>
  Date.parse(y.createdAt) - Date.parse(x.createdAt) || (y.id < x.id ? -1 : y.id > x.id ? 1 : 0);
/** Each sort's order as the contract states it (ties in creation order, newest first). */
const ORDERS: Record<'newest' | 'oldest' | 'updated' | 'priority', (x: TicketDto, y: TicketDto) => number> = {
  newest: newestFirst,
  oldest: (x, y) => newestFirst(y, x),
  updated: (x, y) => Date.parse(y.updatedAt) - Date.parse(x.updatedAt) || newestFirst(x, y),
  priority: (x, y) => RANK[y.priority] - RANK[x.priority] || newestFirst(x, y),
};

describe('ticket numbers', () => {
  it('numbers the tickets that existed before the migration in creation order, and continues after them', async () => {
    const db = await isolatedDatabase();
    const orm = await MikroORM.init(createOrmConfig({ url: db.url, poolMax: 2 }));
    try {
      // Back to before ticket numbers (later migrations are reverted first).
      const reverted = (await orm.getMigrator().down({ to: 'Migration20261220000000TicketNumbers' })).map(
        (m) => m.name,
      );
      expect(reverted[reverted.length - 1]).toBe('Migration20261220000000TicketNumbers');
      const u = '00000000-0000-4000-8000-000000000001';
      const c = '00000000-0000-4000-8000-000000000002';
      await db.query(`insert into users (id, email, username, password_hash) values ($1, 'n@example.com', 'n', 'x')`, [
        u,
      ]);
      await db.query(`insert into customers (id, owner_id, name, email) values ($1, $2, 'C', 'c@example.com')`, [c, u]);
      // Ids in another order than creation's: the numbers follow created_at.
      const rows = [
        ['00000000-0000-4000-8000-00000000000c', '2026-01-01T00:00:00Z'],
        ['00000000-0000-4000-8000-00000000000a', '2026-01-03T00:00:00Z'],
        ['00000000-0000-4000-8000-00000000000b', '2026-01-02T00:00:00Z'],
      ];
      for (const [id, at] of rows)
        await db.query(
          `insert into tickets (id, creator_id, assignee_id, customer_id, title, type, priority, topic, created_at, updated_at)
           values ($1, $2, $2, $3, 'T', 'task', 'low', 'general', $4, $4)`,
          [id, u, c, at],
        );
      expect((await orm.getMigrator().up()).map((m) => m.name)).toEqual([...reverted].reverse());
      const numbered = await db.query<{ id: string; number: number }>(`select id, number from tickets order by number`);
      expect(numbered).toEqual([
        { id: rows[0][0], number: 1 },
        { id: rows[2][0], number: 2 },
        { id: rows[1][0], number: 3 },
      ]);
      const [next] = await db.query<{ n: number }>(`select nextval('tickets_number_seq')::int as n`);
      expect(next.n).toBe(4);
      // The later migration's backfill gave the existing rows their customer's words.
      const words = await db.query<{ ok: boolean }>(
        `select t.customer_search = tickets_customer_words(c.name, c.email)
            and t.customer_search @@ $$'c' & '@c@example.com' & '@c@exa'$$::tsquery as ok
           from tickets t join customers c on c.id = t.customer_id`,
      );
      expect(words).toEqual([{ ok: true }, { ok: true }, { ok: true }]);
      await expect(db.query(`update tickets set number = 1 where id = $1`, [rows[1][0]])).rejects.toThrow(
        /tickets_number_key/,
      );
    } finally {
      await orm.close(true);
      await db.drop();
    }
  });

  it('gives every ticket a positive number, unique and increasing in creation order, in every shape', async () => {
    const p = await person(server.baseUrl, 'numbers');
    const c = await customerOf(p);
    const created: TicketDto[] = [];
    for (let i = 0; i < 4; i++) created.push(await ticketBy(p, c, p.user));
    // Created together (one group commit) they get numbers of their own too.
    created.push(...(await Promise.all([1, 2, 3, 4].map(() => ticketBy(p, c, p.user)))));
    const numbers = created.map((t) => t.number);
    expect(numbers.every((n) => Number.isInteger(n) && n > 0)).toBe(true);
    expect(new Set(numbers).size).toBe(numbers.length);
    // The ticket.created event carries the number (live streams show the ticket from it).
    const db = new Client({ connectionString: process.env['TEST_DATABASE_URL'] });
    await db.connect();
    try {
      const events = await db.query<{ id: string; number: number }>(
        `select payload->'ticket'->>'id' as id, (payload->'ticket'->>'number')::int as number from outbox_events
          where name = 'ticket.created' and payload->'ticket'->>'id' = any($1)`,
        [created.map((t) => t.id)],
      );
      expect(new Map(events.rows.map((e) => [e.id, e.number]))).toEqual(new Map(created.map((t) => [t.id, t.number])));
    } finally {
      await db.end();
    }
    const sequential = numbers.slice(0, 4);
    expect(sequential).toEqual([...sequential].sort((a, b) => a - b));
    expect(Math.min(...numbers.slice(4))).toBeGreaterThan(Math.max(...sequential));
    const listed = (await listTickets({ client: p.s.client, query: { limit: 100 } })).data!.items;
    expect(new Map(listed.map((t) => [t.id, t.number]))).toEqual(new Map(created.map((t) => [t.id, t.number])));
    // Newest first by creation is highest number first.
    const listedNumbers = listed.map((t) => t.number);
    expect(listedNumbers.slice(-4)).toEqual([...sequential].reverse());
  });

  it('finds a ticket by #n or n for its creator and assignee only', async () => {
    const [creator, assignee, stranger] = await Promise.all([
      person(server.baseUrl, 'numc'),
      person(server.baseUrl, 'numa'),
      person(server.baseUrl, 'nums'),
    ]);
    const c = await customerOf(creator);
    const ticket = await ticketBy(creator, c, assignee.user, { title: 'Numbered one' });
    await ticketBy(creator, c, assignee.user, { title: 'Another one' });
    for (const q of [`#${ticket.number}`, `${ticket.number}`, ` #${ticket.number} `]) {
      expect(await ids(creator, { q })).toEqual([ticket.id]);
      expect(await ids(assignee, { q })).toEqual([ticket.id]);
      expect(await ids(assignee, { q, box: 'incoming' })).toEqual([ticket.id]);
      expect(await ids(creator, { q, box: 'incoming' })).toEqual([]);
      expect(await ids(stranger, { q })).toEqual([]);
    }
    expect(await ids(creator, { q: '#2147483648' })).toEqual([]);
  });
});

describe('search', () => {
  it('matches word prefixes of the title and description, every word', async () => {
    const p = await person(server.baseUrl, 'prefix');
    const c = await customerOf(p);
    const laptop = await ticketBy(p, c, p.user, { title: 'Laptop will not boot', description: 'Since the update' });
    const invoice = await ticketBy(p, c, p.user, { title: 'Wrong amount', description: 'The invoices for March' });
    await ticketBy(p, c, p.user, { title: 'Printer', description: 'Paper jam' });
    expect(await ids(p, { q: 'lapt' })).toEqual([laptop.id]);
    expect(await ids(p, { q: 'LAPTOP' })).toEqual([laptop.id]);
    expect(await ids(p, { q: 'inv' })).toEqual([invoice.id]);
    expect(await ids(p, { q: 'inv mar' })).toEqual([invoice.id]);
    expect(await ids(p, { q: 'inv boot' })).toEqual([]);
    expect(await ids(p, { q: 'aptop' })).toEqual([]);
    // Syntax is only text: quotes, operators and a lone # are words or nothing, never an error.
    for (const q of ['"lapt', 'lapt & | ! :*', '#', "o'brien", '(((', '\\'])
      expect((await listTickets({ client: p.s.client, query: { q } })).response.status).toBe(200);
    expect(await ids(p, { q: 'lapt:* | inv' })).toEqual([]);
  });

  it("matches the customer's name (word prefixes) and email (prefix), for the assignee too", async () => {
    const [creator, assignee] = await Promise.all([person(server.baseUrl, 'custc'), person(server.baseUrl, 'custa')]);
    const grace = await customerOf(creator, { name: 'Grace Hopper', email: 'g.hopper@navy.example' });
    const alan = await customerOf(creator, { name: 'Alan Turing', email: 'alan_t@bletchley.example' });
    const forGrace = await ticketBy(creator, grace, assignee.user, { title: 'Compiler question' });
    const forAlan = await ticketBy(creator, alan, assignee.user, { title: 'Enigma' });
    const ada = await customerOf(creator, { name: 'Ada Lovelace', email: 'xq7@analytical.example' });
    const forAda = await ticketBy(creator, ada, assignee.user, { title: 'Engine notes' });
    for (const p of [creator, assignee]) {
      expect(await ids(p, { q: 'grac' })).toEqual([forGrace.id]);
      expect(await ids(p, { q: 'hop gra' })).toEqual([forGrace.id]);
      expect(await ids(p, { q: 'g.hopper@na' })).toEqual([forGrace.id]);
      expect(await ids(p, { q: 'alan_' })).toEqual([forAlan.id]);
      expect(await ids(p, { q: 'xq7@ana' })).toEqual([forAda.id]);
      // `_` and `%` are literal in the email prefix (and no word of these starts a name or title word).
      expect(await ids(p, { q: 'x_7' })).toEqual([]);
      expect(await ids(p, { q: '%7@' })).toEqual([]);
    }
    const stranger = await person(server.baseUrl, 'custs');
    expect(await ids(stranger, { q: 'grace' })).toEqual([]);
  });

  it("follows a customer's new name or email and a ticket's new customer at once, and keeps words and email apart", async () => {
    const [creator, assignee] = await Promise.all([person(server.baseUrl, 'renc'), person(server.baseUrl, 'rena')]);
    const marie = await customerOf(creator, { name: 'Marie Curie', email: "m.o'curie@radium.example" });
    const pierre = await customerOf(creator, { name: 'Pierre Curie', email: 'pierre@radium.example' });
    const first = await ticketBy(creator, marie, assignee.user, { title: 'Polonium' });
    const second = await ticketBy(creator, pierre, assignee.user, { title: 'Radium' });
    expect(await ids(creator, { q: "m.o'cu" })).toEqual([first.id]);
    // A word of the email is not a word of the name; the email is matched from its start only.
    expect(await ids(creator, { q: 'radium' })).toEqual([second.id]);
    expect(new Set(await ids(creator, { q: 'curie' }))).toEqual(new Set([first.id, second.id]));
    expect(await ids(creator, { q: 'o curie' })).toEqual([]);

    const renamed = await updateCustomer({
      client: creator.s.client,
      path: { id: marie.id },
      body: { name: 'Maria Skłodowskiewicz', email: 'maria.s@warsaw.example', version: marie.version },
    });
    expect(renamed.response.status).toBe(200);
    for (const p of [creator, assignee]) {
      // Up to 10 characters a prefix is a stored lexeme, beyond it a prefix query: both answer.
      for (const q of ['skłod', 'skłodowski', 'skłodowskie', 'skłodowskiewicz', 'maria.s@wa', 'maria.s@warsaw.ex'])
        expect(await ids(p, { q })).toEqual([first.id]);
      for (const q of ['skłodowskix', 'skłodowskiewiczz', 'maria.s@wx', 'maria.s@warsaw.ey'])
        expect(await ids(p, { q })).toEqual([]);
      expect(await ids(p, { q: 'marie' })).toEqual([]);
      expect(await ids(p, { q: "m.o'cu" })).toEqual([]);
    }

    const moved = await updateTicket({
      client: creator.s.client,
      path: { id: second.id },
      body: { customerId: marie.id, version: second.version },
    });
    expect(moved.response.status).toBe(200);
    expect(await ids(creator, { q: 'pierre' })).toEqual([]);
    expect(new Set(await ids(creator, { q: 'maria skło' }))).toEqual(new Set([first.id, second.id]));

    // Whatever wrote them, every ticket's copy equals its customer's words now.
    const db = new Client({ connectionString: process.env['TEST_DATABASE_URL'] });
    await db.connect();
    try {
      const stale = await db.query(`select t.id from tickets t join customers c on c.id = t.customer_id
        where t.customer_search <> tickets_customer_words(c.name, c.email)`);
      expect(stale.rows).toEqual([]);
    } finally {
      await db.end();
    }
  });

  it('answers 400 naming q for a query over 200 characters, at once', async () => {
    const p = await person(server.baseUrl, 'longq');
    for (const q of ['a'.repeat(300), 'a '.repeat(150), '#'.repeat(300)]) {
      const started = Date.now();
      const res = await listTickets({ client: p.s.client, query: { q } });
      expect(res.response.status).toBe(400);
      expect(res.response.headers.get('content-type')).toMatch(/application\/problem\+json/);
      expect(fields(res.error)).toEqual(['q']);
      expect(JSON.stringify(res.error)).toContain('at most 200 characters');
      expect(Date.now() - started).toBeLessThan(1000);
    }
    expect((await listTickets({ client: p.s.client, query: { q: 'ab '.repeat(66) } })).response.status).toBe(200);
  });
});

describe('filters', () => {
  let owner: Person;
  let colleague: Person;
  let customers: CustomerDto[];
  let all: TicketDto[];
  beforeAll(async () => {
    [owner, colleague] = await Promise.all([person(server.baseUrl, 'filters'), person(server.baseUrl, 'filters2')]);
    customers = await Promise.all([customerOf(owner), customerOf(owner)]);
    const theirs = await customerOf(colleague);
    const specs = [
      { priority: 'urgent', type: 'incident', topic: 'billing' },
      { priority: 'high', type: 'question', topic: 'hr' },
      { priority: 'low', type: 'task', topic: 'billing' },
      { priority: 'normal', type: 'incident', topic: 'technical' },
      { priority: 'urgent', type: 'problem', topic: 'hr' },
    ] as const;
    all = [];
    for (const [i, spec] of specs.entries())
      all.push(await ticketBy(owner, customers[i % 2], i % 2 ? colleague.user : owner.user, spec));
    // Assigned to the owner by the colleague: in the owner's incoming box.
    all.push(await ticketBy(colleague, theirs, owner.user, { priority: 'urgent', type: 'task', topic: 'other' }));
  });
  const expected = (keep: (t: TicketDto) => boolean) =>
    all
      .filter(keep)
      .sort(newestFirst)
      .map((t) => t.id);

  it('filters by priority, type and topic, one value or a list', async () => {
    expect(await ids(owner, { priority: 'urgent' })).toEqual(expected((t) => t.priority === 'urgent'));
    expect(await ids(owner, { priority: 'urgent,high' })).toEqual(
      expected((t) => t.priority === 'urgent' || t.priority === 'high'),
    );
    expect(await ids(owner, { type: 'incident' })).toEqual(expected((t) => t.type === 'incident'));
    expect(await ids(owner, { type: 'task,problem' })).toEqual(
      expected((t) => t.type === 'task' || t.type === 'problem'),
    );
    expect(await ids(owner, { topic: 'hr' })).toEqual(expected((t) => t.topic === 'hr'));
    expect(await ids(owner, { topic: 'billing,other' })).toEqual(
      expected((t) => t.topic === 'billing' || t.topic === 'other'),
    );
    expect(await ids(owner, { priority: 'urgent', topic: 'hr', type: 'problem' })).toEqual(
      expected((t) => t.priority === 'urgent' && t.topic === 'hr' && t.type === 'problem'),
    );
  });

  it('filters by customer and assignee, alone and with a box and a status', async () => {
    expect(await ids(owner, { customerId: customers[0].id })).toEqual(
      expected((t) => t.customerId === customers[0].id),
    );
    expect(await ids(owner, { assigneeId: colleague.user.id })).toEqual(
      expected((t) => t.assigneeId === colleague.user.id),
    );
    expect(await ids(owner, { assigneeId: owner.user.id, box: 'outgoing' })).toEqual(
      expected((t) => t.assigneeId === owner.user.id && t.creator.id === owner.user.id),
    );
    expect(await ids(owner, { box: 'incoming', priority: 'urgent', status: 'open' })).toEqual(
      expected((t) => t.assigneeId === owner.user.id && t.priority === 'urgent'),
    );
    expect(await ids(owner, { box: 'incoming', priority: 'urgent', status: 'closed' })).toEqual([]);
    // The colleague sees only the tickets they are a party of, whatever the filter.
    expect(await ids(colleague, { customerId: customers[0].id })).toEqual(
      expected((t) => t.customerId === customers[0].id && t.assigneeId === colleague.user.id),
    );
  });

  it('answers 400 naming the field for values outside the enums and malformed ids', async () => {
    const bad: [ListQuery, string][] = [
      [{ priority: 'critical' }, 'priority'],
      [{ priority: 'urgent,critical' }, 'priority'],
      [{ priority: '' }, 'priority'],
      [{ type: 'bug' }, 'type'],
      [{ topic: 'gossip,hr' }, 'topic'],
      [{ customerId: 'nope' }, 'customerId'],
      [{ assigneeId: '42' }, 'assigneeId'],
      [{ overdue: 'yes' as never }, 'overdue'],
      [{ sort: 'random' as never }, 'sort'],
    ];
    for (const [query, field] of bad) {
      const res = await listTickets({ client: owner.s.client, query });
      expect([JSON.stringify(query), res.response.status]).toEqual([JSON.stringify(query), 400]);
      expect(res.response.headers.get('content-type')).toMatch(/application\/problem\+json/);
      expect(fields(res.error)).toEqual([field]);
    }
  });
});

describe('sorts', () => {
  it('sorts newest, oldest, updated and priority, walking every page under concurrent inserts', async () => {
    const [p, other] = await Promise.all([person(server.baseUrl, 'sorts'), person(server.baseUrl, 'sorts2')]);
    const [c, co] = await Promise.all([customerOf(p), customerOf(other)]);
    const priorities = ['low', 'urgent', 'normal', 'high', 'urgent', 'low', 'high', 'normal', 'urgent'] as const;
    const existing: TicketDto[] = [];
    for (const [i, priority] of priorities.entries())
      existing.push(
        i % 3 === 0 ? await ticketBy(other, co, p.user, { priority }) : await ticketBy(p, c, other.user, { priority }),
      );
    // Changes in another order than creation's, so `updated` differs from `newest`.
    for (const i of [4, 0, 7]) {
      const t = existing[i];
      const actor = t.creator.id === p.user.id ? p : other;
      const res = await updateTicket({
        client: actor.s.client,
        path: { id: t.id },
        body: { version: t.version, title: `${t.title} (edited)` },
      });
      expect(res.response.status).toBe(200);
      existing[i] = res.data!;
    }
    const known = new Set(existing.map((t) => t.id));
    for (const sort of ['newest', 'oldest', 'updated', 'priority'] as const) {
      let inserts = 0;
      const seen = await walk(p, { sort, box: 'all' }, 2, async () => {
        // At most 6 new tickets per walk, so the oldest-first walk (which meets them at its end) ends.
        if (inserts >= 6) return;
        inserts += 2;
        await Promise.all([
          ticketBy(p, c, other.user, { priority: 'urgent' }),
          ticketBy(other, co, p.user, { priority: 'low' }),
        ]);
      });
      expect([sort, new Set(seen).size]).toEqual([sort, seen.length]);
      expect([sort, seen.filter((id) => known.has(id))]).toEqual([
        sort,
        [...existing].sort(ORDERS[sort]).map((t) => t.id),
      ]);
    }
  });

  it.each([
    ['among the newest rows', undefined],
    ['beyond a search window of 3 rows', '3'],
  ])('sorts with a search and a filter, each box, page by page (%s)', async (_, window) => {
    const api = window ? await startTestServer({ TICKET_SEARCH_WINDOW: window }) : server;
    try {
      const [p, other] = await Promise.all([person(api.baseUrl, 'sortq'), person(api.baseUrl, 'sortq2')]);
      const c = await customerOf(p);
      const made: TicketDto[] = [];
      for (const priority of ['high', 'low', 'urgent', 'normal', 'urgent', 'high'] as const)
        made.push(await ticketBy(p, c, other.user, { priority, title: `Laptop ${priority}` }));
      await ticketBy(p, c, other.user, { priority: 'urgent', title: 'Printer' });
      for (const [who, box] of [
        [p, 'outgoing'],
        [other, 'incoming'],
        [p, 'all'],
      ] as const)
        for (const sort of ['priority', 'oldest'] as const) {
          const seen = await walk(who, { sort, box, q: 'lapt', priority: 'urgent,high,low' }, 2, async () => undefined);
          expect([box, sort, seen]).toEqual([
            box,
            sort,
            made
              .filter((t) => t.priority !== 'normal')
              .sort(ORDERS[sort])
              .map((t) => t.id),
          ]);
        }
    } finally {
      if (api !== server) await api.close();
    }
  });

  it('refuses a cursor from another sort or another filter with 400 naming cursor', async () => {
    const p = await person(server.baseUrl, 'sortcur');
    const c = await customerOf(p);
    for (let i = 0; i < 3; i++) await ticketBy(p, c, p.user, { priority: 'urgent' });
    const first = await listTickets({ client: p.s.client, query: { sort: 'priority', limit: 1 } });
    const cursor = first.data!.nextCursor!;
    expect(cursor).toEqual(expect.any(String));
    expect(
      (await listTickets({ client: p.s.client, query: { sort: 'priority', limit: 1, cursor } })).response.status,
    ).toBe(200);
    for (const query of [
      { sort: 'updated' },
      { sort: 'newest' },
      {},
      { sort: 'priority', priority: 'urgent' },
    ] as ListQuery[]) {
      const res = await listTickets({ client: p.s.client, query: { ...query, limit: 1, cursor } });
      expect(res.response.status).toBe(400);
      expect(fields(res.error)).toEqual(['cursor']);
    }
  });
});
