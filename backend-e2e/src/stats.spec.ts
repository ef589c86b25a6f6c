import {
  applyMacroToTicket,
  bulkChangeTickets,
  closeTicket,
  createMacro,
  demoLogin,
  deleteTicket,
  getStats,
  reopenTicket,
  updateTicket,
  type BulkChangeTicketsDto,
  type StatsDto,
  type TicketDto,
} from '@bw/sdk';
import { Client } from 'pg';
import { ApiSession } from './support/api-session';
import { customerOf, fields, person, Person, ticketBy } from './support/fixtures';
import { startTestServer, TestServer } from './support/server';
import { recountStats } from './support/stats-recount';

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

async function stats(p: Person, from: string, to: string, tz?: string): Promise<StatsDto> {
  const res = await getStats({ client: p.s.client, query: { from, to, ...(tz ? { tz } : {}) } });
  if (res.response.status !== 200) throw new Error(`stats: ${res.response.status} ${JSON.stringify(res.error)}`);
  return res.data!;
}

async function bulk(p: Person, body: BulkChangeTicketsDto): Promise<void> {
  const res = await bulkChangeTickets({ client: p.s.client, body });
  expect(res.response.status).toBe(200);
}

/** Moves a ticket's timestamps by SQL (the API never backdates); the trigger sees it like any change. */
async function backdate(t: TicketDto, createdAt: string, closedAt?: string): Promise<void> {
  await db.query(
    `update tickets set created_at = $2, closed_at = case when status = 'closed' then coalesce($3::timestamptz, closed_at) end where id = $1`,
    [t.id, createdAt, closedAt ?? null],
  );
}

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

describe('GET /api/stats equals a full recount of tickets', () => {
  it('after creating, closing, reopening, reassigning, re-prioritising and deleting, one by one, in bulk and by macros', async () => {
    const [a, b, c] = await Promise.all([
      person(server.baseUrl, 'sa'),
      person(server.baseUrl, 'sb'),
      person(server.baseUrl, 'sc'),
    ]);
    const [ca, cb] = await Promise.all([customerOf(a), customerOf(b)]);
    // Concurrent creations share group-commit transactions.
    const mine = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        ticketBy(a, ca, [a.user, b.user, c.user][i % 3], {
          priority: (['low', 'normal', 'high', 'urgent'] as const)[i % 4],
        }),
      ),
    );
    const theirs = await Promise.all(Array.from({ length: 4 }, () => ticketBy(b, cb, a.user, { priority: 'high' })));
    for (const [i, t] of [...mine, ...theirs].entries())
      await backdate(t, new Date(Date.now() - (i % 9) * 86_400_000 - i * 3_600_000).toISOString());

    await closeTicket({ client: a.s.client, path: { id: mine[0].id } });
    await closeTicket({ client: a.s.client, path: { id: mine[1].id } });
    await reopenTicket({ client: a.s.client, path: { id: mine[1].id } });
    await bulk(a, { ids: [mine[2].id, mine[3].id, mine[4].id], action: { type: 'close' } });
    await bulk(a, { ids: [mine[3].id], action: { type: 'reopen' } });
    await bulk(a, { ids: [mine[5].id, mine[6].id], action: { type: 'set_priority', value: 'urgent' } });
    await bulk(a, { ids: [mine[7].id], action: { type: 'set_status', value: 'pending' } });
    await bulk(a, { ids: [mine[8].id, theirs[0].id], action: { type: 'delete' } });
    await bulk(b, { ids: [theirs[1].id], action: { type: 'close' } });
    await updateTicket({
      client: a.s.client,
      path: { id: mine[9].id },
      body: { assigneeId: c.user.id, version: mine[9].version },
    });
    await updateTicket({
      client: b.s.client,
      path: { id: theirs[2].id },
      body: { title: 'Only the title', version: theirs[2].version },
    });
    await deleteTicket({ client: a.s.client, path: { id: mine[10].id } });
    const macro = (
      await createMacro({
        client: a.s.client,
        body: {
          name: 'Hand over and close',
          availableFor: 'personal',
          actions: [
            { type: 'set_priority', value: 'low' },
            { type: 'set_assignee', value: b.user.id },
            { type: 'set_status', value: 'closed' },
          ],
        },
      })
    ).data!;
    expect(
      (await applyMacroToTicket({ client: a.s.client, path: { id: mine[11].id, macroId: macro.id } })).response.status,
    ).toBe(200);
    const fromMacro = await ticketBy(a, ca, c.user, { macroId: macro.id });
    expect(fromMacro).toMatchObject({ status: 'closed', priority: 'low' });

    const from = day(-12);
    const to = day(1);
    for (const p of [a, b, c])
      for (const tz of ['UTC', 'Asia/Kolkata', 'America/Los_Angeles']) {
        const answer = await stats(p, from, to, tz);
        expect(answer).toEqual(await recountStats(db, p.user.id, from, to, tz));
      }
    const figures = await stats(a, from, to);
    // 17 created, 2 deleted (the assignee's bulk delete of theirs[0] is refused).
    expect(figures.days.reduce((n, d) => n + d.opened, 0)).toBe(15);
    expect(figures.days.reduce((n, d) => n + d.closed, 0)).toBeGreaterThan(0);

    // The migration's backfill computes the same figures from the tickets alone.
    await db.query('select ticket_stats_rebuild()');
    for (const p of [a, b, c])
      expect(await stats(p, from, to, 'Asia/Kolkata')).toEqual({
        ...(await recountStats(db, p.user.id, from, to, 'Asia/Kolkata')),
        overdue: 0,
      });
    expect(await stats(a, from, to)).toEqual(figures);
  });
});

describe('overdue', () => {
  it('counts the open and pending tickets of both boxes whose due time passed, each once, until closed or re-dated', async () => {
    const [a, b] = await Promise.all([person(server.baseUrl, 'oa'), person(server.baseUrl, 'ob')]);
    const ca = await customerOf(a);
    const past = new Date(Date.now() - 3_600_000).toISOString();
    const future = new Date(Date.now() + 86_400_000).toISOString();
    // Created by a, assigned to b: in both users' boxes. One to a itself: in a's boxes once.
    const [shared, own] = await Promise.all([
      ticketBy(a, ca, b.user, { dueAt: past }),
      ticketBy(a, ca, a.user, { dueAt: past }),
      ticketBy(a, ca, b.user, { dueAt: future }),
      ticketBy(a, ca, b.user),
    ]);
    const pending = await updateTicket({
      client: a.s.client,
      path: { id: own.id },
      body: { status: 'pending', version: own.version },
    });
    expect(pending.response.status).toBe(200);
    expect([(await stats(a, day(0), day(0))).overdue, (await stats(b, day(0), day(0))).overdue]).toEqual([2, 1]);
    expect((await closeTicket({ client: b.s.client, path: { id: shared.id } })).response.status).toBe(200);
    const redated = await updateTicket({
      client: a.s.client,
      path: { id: own.id },
      body: { dueAt: future, version: pending.data!.version },
    });
    expect(redated.response.status).toBe(200);
    expect([(await stats(a, day(0), day(0))).overdue, (await stats(b, day(0), day(0))).overdue]).toEqual([0, 0]);
    for (const p of [a, b])
      expect(await stats(p, day(0), day(0))).toEqual(await recountStats(db, p.user.id, day(0), day(0), 'UTC'));
  });
});

describe('concurrent changes', () => {
  it("keep the figures equal to a recount when two users change each other's tickets at once, in bulk", async () => {
    const [a, b] = await Promise.all([person(server.baseUrl, 'ca'), person(server.baseUrl, 'cb')]);
    const [ca, cb] = await Promise.all([customerOf(a), customerOf(b)]);
    // Each ticket is in both users' boxes, so every change locks both users' rollup rows.
    const ofA = await Promise.all(Array.from({ length: 20 }, () => ticketBy(a, ca, b.user)));
    const ofB = await Promise.all(Array.from({ length: 20 }, () => ticketBy(b, cb, a.user)));
    const statuses: number[] = [];
    const run = async (p: Person, body: BulkChangeTicketsDto) => {
      const res = await bulkChangeTickets({ client: p.s.client, body });
      statuses.push(res.response.status, ...(res.data?.results ?? []).map((r) => r.status));
    };
    for (let round = 0; round < 3; round++)
      await Promise.all([
        run(a, { ids: ofA.map((t) => t.id), action: { type: 'close' } }),
        run(b, { ids: ofB.map((t) => t.id), action: { type: 'close' } }),
        run(a, { ids: ofB.map((t) => t.id), action: { type: 'set_priority', value: 'urgent' } }),
        run(b, { ids: ofA.map((t) => t.id), action: { type: 'set_priority', value: 'low' } }),
        run(a, { ids: ofA.map((t) => t.id), action: { type: 'reopen' } }),
        run(b, { ids: ofB.map((t) => t.id), action: { type: 'reopen' } }),
      ]);
    // A close may meet a ticket another request just closed (409); nothing fails (a deadlock would be 500).
    expect(statuses.filter((s) => s !== 200 && s !== 409)).toEqual([]);
    expect(statuses.filter((s) => s === 200).length).toBeGreaterThan(6 * 3);
    for (const p of [a, b])
      expect(await stats(p, day(-1), day(1))).toEqual({
        ...(await recountStats(db, p.user.id, day(-1), day(1), 'UTC')),
        overdue: 0,
      });
  });
});

describe('days are local dates of the asked time zone', () => {
  /** A fresh user with one ticket created (and closed, when told) at each instant. */
  async function userWith(instants: { created: string; closed?: string }[]): Promise<Person> {
    const p = await person(server.baseUrl, 'tz');
    const cust = await customerOf(p);
    for (const at of instants) {
      const t = await ticketBy(p, cust, p.user);
      if (at.closed) await closeTicket({ client: p.s.client, path: { id: t.id } });
      await backdate(t, at.created, at.closed);
    }
    return p;
  }
  const counts = (s: StatsDto) => s.days.map((d) => [d.date, d.opened, d.closed]);

  it('Europe/Berlin: 2026-03-29 has 23 hours and 2026-10-25 has 25', async () => {
    const p = await userWith([
      { created: '2026-03-28T22:59:00Z' }, // 23:59 CET on the 28th
      { created: '2026-03-28T23:00:00Z' }, // 00:00 CET on the 29th
      { created: '2026-03-29T21:59:00Z', closed: '2026-03-29T22:00:00Z' }, // 23:59 CEST; closed 00:00 on the 30th
      { created: '2026-10-24T22:00:00Z' }, // 00:00 CEST on the 25th
      { created: '2026-10-25T22:59:00Z', closed: '2026-10-25T23:00:00Z' }, // 23:59 CET; closed 00:00 on the 26th
    ]);
    expect(counts(await stats(p, '2026-03-28', '2026-03-30', 'Europe/Berlin'))).toEqual([
      ['2026-03-28', 1, 0],
      ['2026-03-29', 2, 0],
      ['2026-03-30', 0, 1],
    ]);
    expect(counts(await stats(p, '2026-10-25', '2026-10-26', 'Europe/Berlin'))).toEqual([
      ['2026-10-25', 2, 0],
      ['2026-10-26', 0, 1],
    ]);
    // The same tickets in UTC fall on other dates.
    expect(counts(await stats(p, '2026-03-28', '2026-03-30'))).toEqual([
      ['2026-03-28', 2, 0],
      ['2026-03-29', 1, 1],
      ['2026-03-30', 0, 0],
    ]);
    // A ticket counts for the median on its local closing date.
    expect((await stats(p, '2026-10-25', '2026-10-25', 'Europe/Berlin')).medianMinutesToClose).toBeNull();
    expect((await stats(p, '2026-10-26', '2026-10-26', 'Europe/Berlin')).medianMinutesToClose).toBe(1);
  });

  it('Asia/Kolkata (+5:30) and Pacific/Chatham (+12:45) split their days at the right quarter hour', async () => {
    const p = await userWith([
      { created: '2026-06-01T18:29:00Z' }, // 23:59 on 1 June in Kolkata
      { created: '2026-06-01T18:30:00Z' }, // 00:00 on 2 June in Kolkata
      { created: '2026-06-02T11:14:00Z' }, // 23:59 on 2 June in Chatham
      { created: '2026-06-02T11:15:00Z' }, // 00:00 on 3 June in Chatham
    ]);
    expect(counts(await stats(p, '2026-06-01', '2026-06-03', 'Asia/Kolkata'))).toEqual([
      ['2026-06-01', 1, 0],
      ['2026-06-02', 3, 0],
      ['2026-06-03', 0, 0],
    ]);
    expect(counts(await stats(p, '2026-06-01', '2026-06-03', 'Pacific/Chatham'))).toEqual([
      ['2026-06-01', 0, 0],
      ['2026-06-02', 3, 0],
      ['2026-06-03', 1, 0],
    ]);
    for (const tz of ['Asia/Kolkata', 'Pacific/Chatham', 'UTC'])
      expect(await stats(p, '2026-05-31', '2026-06-04', tz)).toEqual({
        ...(await recountStats(db, p.user.id, '2026-05-31', '2026-06-04', tz)),
        overdue: 0,
      });
  });
});

describe('the demo workspace', () => {
  it('has six weeks of opened and closed tickets on the dashboard, equal to a recount', async () => {
    const s = new ApiSession(server.baseUrl);
    const demo = (await demoLogin({ client: s.client })).data!.user;
    const p = { s, user: demo } as Person;
    const figures = await stats(p, day(-50), day(0), 'Europe/Berlin');
    expect(figures.days.filter((d) => d.opened > 0).length).toBeGreaterThanOrEqual(25);
    expect(figures.days.filter((d) => d.closed > 0).length).toBeGreaterThanOrEqual(25);
    expect(figures.medianMinutesToClose).toBeGreaterThan(60);
    expect(figures.overdue).toBeGreaterThanOrEqual(1);
    expect(figures).toEqual(await recountStats(db, demo.id, day(-50), day(0), 'Europe/Berlin'));
  });
});

describe('ranges and validation', () => {
  let p: Person;
  beforeAll(async () => {
    p = await person(server.baseUrl, 'range');
  });

  it('answers every date of the range, zero days included, and nothing for a user without tickets', async () => {
    const s = await stats(p, '2026-01-01', '2026-01-10', 'Europe/Berlin');
    expect(s.days).toHaveLength(10);
    expect(s.days[0]).toEqual({ date: '2026-01-01', opened: 0, closed: 0 });
    expect(s.days[9]).toEqual({ date: '2026-01-10', opened: 0, closed: 0 });
    expect(s).toMatchObject({
      open: { urgent: 0, high: 0, normal: 0, low: 0 },
      overdue: 0,
      medianMinutesToClose: null,
    });
  });

  it('takes up to 366 days (a leap year) and refuses 367', async () => {
    expect((await stats(p, '2024-01-01', '2024-12-31')).days).toHaveLength(366);
    expect((await stats(p, '2025-01-01', '2026-01-01')).days).toHaveLength(366);
    const res = await getStats({ client: p.s.client, query: { from: '2025-01-01', to: '2026-01-02' } });
    expect(res.response.status).toBe(400);
    expect(fields(res.error)).toEqual(['to']);
  });

  it.each([
    [{ to: '2026-01-01' }, 'from'],
    [{ from: '2026-01-01' }, 'to'],
    [{ from: '2026-02-30', to: '2026-03-01' }, 'from'],
    [{ from: '2026-1-01', to: '2026-03-01' }, 'from'],
    [{ from: '0000-01-01', to: '0000-01-02' }, 'from'],
    [{ from: '9999-12-30', to: '9999-12-31' }, 'from'],
    [{ from: '2026-03-01', to: '2026-13-01' }, 'to'],
    [{ from: '2026-03-02', to: '2026-03-01' }, 'to'],
    [{ from: '2026-03-01', to: '2026-03-02', tz: 'Mars/Olympus_Mons' }, 'tz'],
    [{ from: '2026-03-01', to: '2026-03-02', tz: 'europe/berlin' }, 'tz'],
    [{ from: '2026-03-01', to: '2026-03-02', tz: `Europe/${'x'.repeat(80)}` }, 'tz'],
    [{ from: '2026-03-01', to: '2026-03-02', tz: '' }, 'tz'],
  ])('answers 400 problem+json naming the field for %j', async (query, field) => {
    const res = await getStats({ client: p.s.client, query: query as never });
    expect(res.response.status).toBe(400);
    expect(res.response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(fields(res.error)).toContain(field);
  });

  it('is 401 without a session', async () => {
    const anonymous = new ApiSession(server.baseUrl);
    const res = await getStats({ client: anonymous.client, query: { from: '2026-03-01', to: '2026-03-02' } });
    expect(res.response.status).toBe(401);
  });
});
