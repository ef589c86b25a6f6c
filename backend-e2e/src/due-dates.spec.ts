import {
  closeTicket,
  createTicket,
  getDuePolicy,
  getTicket,
  listTicketHistory,
  listTickets,
  putDuePolicy,
  updateTicket,
  type CustomerDto,
  type DuePolicyDto,
  type TicketDto,
} from '@bw/sdk';
import { customerOf, fields, person, Person, ticketBy } from './support/fixtures';
import { startTestServer, TestServer } from './support/server';

let server: TestServer;
let owner: Person;
let colleague: Person;
let customer: CustomerDto;
beforeAll(async () => {
  server = await startTestServer();
  [owner, colleague] = await Promise.all([person(server.baseUrl, 'due'), person(server.baseUrl, 'due2')]);
  customer = await customerOf(owner);
});
afterAll(async () => {
  await server.close();
});

const HOUR = 3_600_000;
const inHours = (h: number) => new Date(Date.now() + h * HOUR).toISOString();

async function create(p: Person, body: Record<string, unknown>) {
  return createTicket({
    client: p.s.client,
    body: {
      title: 'Due',
      customerId: customer.id,
      assigneeId: colleague.user.id,
      type: 'task',
      priority: 'normal',
      topic: 'general',
      ...body,
    } as never,
  });
}

describe('dueAt', () => {
  it('is taken on creation, answered with overdue, and absent means none without a policy', async () => {
    const due = '2031-05-06T07:08:09.000Z';
    const future = (await create(owner, { dueAt: '2031-05-06T09:08:09+02:00' })).data!;
    expect([future.dueAt, future.overdue]).toEqual([due, false]);
    const past = (await create(owner, { dueAt: '2020-01-01T00:00:00Z' })).data!;
    expect([past.dueAt, past.overdue]).toEqual(['2020-01-01T00:00:00.000Z', true]);
    const none = (await create(owner, {})).data!;
    expect([none.dueAt, none.overdue]).toEqual([null, false]);
    const read = (await getTicket({ client: colleague.s.client, path: { id: past.id } })).data!;
    expect([read.dueAt, read.overdue]).toEqual(['2020-01-01T00:00:00.000Z', true]);
  });

  it('refuses what is not an ISO time with a zone, with 400 naming dueAt', async () => {
    for (const dueAt of [
      'tomorrow',
      '2031-13-01T00:00:00Z',
      '2031-02-30T00:00:00Z',
      '2031-05-06',
      '2031-05-06T07:08:09',
      42,
      {},
    ]) {
      const res = await create(owner, { dueAt });
      expect([JSON.stringify(dueAt), res.response.status, fields(res.error)]).toEqual([
        JSON.stringify(dueAt),
        400,
        ['dueAt'],
      ]);
      const patch = await updateTicket({
        client: owner.s.client,
        path: { id: (await create(owner, {})).data!.id },
        body: { version: 1, dueAt } as never,
      });
      expect([patch.response.status, fields(patch.error)]).toEqual([400, ['dueAt']]);
    }
  });

  it('is changed and cleared by the creator only, and the history shows the change', async () => {
    const t = (await create(owner, { dueAt: inHours(5) })).data!;
    const byAssignee = await updateTicket({
      client: colleague.s.client,
      path: { id: t.id },
      body: { version: t.version, dueAt: inHours(1) },
    });
    expect(byAssignee.response.status).toBe(403);
    const moved = '2020-06-01T12:00:00.000Z';
    const patched = (
      await updateTicket({ client: owner.s.client, path: { id: t.id }, body: { version: t.version, dueAt: moved } })
    ).data!;
    expect([patched.dueAt, patched.overdue, patched.version]).toEqual([moved, true, t.version + 1]);
    const cleared = (
      await updateTicket({
        client: owner.s.client,
        path: { id: t.id },
        body: { version: patched.version, dueAt: null },
      })
    ).data!;
    expect([cleared.dueAt, cleared.overdue]).toEqual([null, false]);
    // The same time again changes nothing: no new version.
    const same = (
      await updateTicket({
        client: owner.s.client,
        path: { id: t.id },
        body: { version: cleared.version, dueAt: null },
      })
    ).data!;
    expect(same.version).toBe(cleared.version);
    const history = (await listTicketHistory({ client: owner.s.client, path: { id: t.id }, query: { limit: 10 } }))
      .data!.items;
    expect(history.flatMap((h) => h.changes.filter((c) => c.field === 'dueAt'))).toEqual([
      { field: 'dueAt', from: t.dueAt, to: moved },
      { field: 'dueAt', from: moved, to: null },
    ]);
  });

  it('is not overdue once the ticket is closed', async () => {
    const t = (await create(owner, { dueAt: '2020-01-01T00:00:00Z' })).data!;
    const closed = (await closeTicket({ client: owner.s.client, path: { id: t.id } })).data!;
    expect([closed.dueAt, closed.overdue]).toEqual(['2020-01-01T00:00:00.000Z', false]);
  });
});

describe('the due policy', () => {
  it('is all null until set, and refuses what is not whole minutes in range, naming the field', async () => {
    const p = await person(server.baseUrl, 'policy');
    expect((await getDuePolicy({ client: p.s.client })).data).toEqual({
      urgent: null,
      high: null,
      normal: null,
      low: null,
    });
    const good: DuePolicyDto = { urgent: 60, high: 240, normal: null, low: null };
    const bad: [Record<string, unknown>, string][] = [
      [{ ...good, urgent: 0 }, 'urgent'],
      [{ ...good, high: 1.5 }, 'high'],
      [{ ...good, normal: '60' }, 'normal'],
      [{ ...good, low: 525_601 }, 'low'],
      [{ urgent: 60, high: null, normal: null }, 'low'],
      [{ ...good, extra: 1 }, 'extra'],
    ];
    for (const [body, field] of bad) {
      const res = await putDuePolicy({ client: p.s.client, body: body as never });
      expect([JSON.stringify(body), res.response.status, fields(res.error)]).toEqual([
        JSON.stringify(body),
        400,
        [field],
      ]);
    }
    expect((await putDuePolicy({ client: p.s.client, body: good })).data).toEqual(good);
    expect((await getDuePolicy({ client: p.s.client })).data).toEqual(good);
    // Another user's policy is their own.
    expect((await getDuePolicy({ client: colleague.s.client })).data!.urgent).toBeNull();
  });

  it("gives tickets created without dueAt their creator's minutes for their priority", async () => {
    const p = await person(server.baseUrl, 'policy2');
    const c = await customerOf(p);
    await putDuePolicy({ client: p.s.client, body: { urgent: 30, high: 120, normal: 1440, low: null } });
    const expected = { urgent: 30, high: 120, normal: 1440 } as const;
    for (const [priority, minutes] of Object.entries(expected)) {
      const t = await ticketBy(p, c, colleague.user, { priority: priority as TicketDto['priority'] });
      expect([priority, Date.parse(t.dueAt!) - Date.parse(t.createdAt)]).toEqual([priority, minutes * 60_000]);
    }
    expect((await ticketBy(p, c, colleague.user, { priority: 'low' })).dueAt).toBeNull();
    // Given dueAt wins; an explicit null means none.
    expect((await ticketBy(p, c, colleague.user, { priority: 'urgent', dueAt: '2031-01-01T00:00:00Z' })).dueAt).toBe(
      '2031-01-01T00:00:00.000Z',
    );
    expect((await ticketBy(p, c, colleague.user, { priority: 'urgent', dueAt: null })).dueAt).toBeNull();
    // The assignee's policy plays no part: colleague has none, p's applies to p's tickets only.
    const theirs = await ticketBy(colleague, await customerOf(colleague), p.user, { priority: 'urgent' });
    expect(theirs.dueAt).toBeNull();
  });
});

/** Every page of `p`'s list, `limit` at a time; `between` runs after each page. */
async function walk(p: Person, query: Record<string, unknown>, limit: number, between: () => Promise<unknown>) {
  const seen: TicketDto[] = [];
  let cursor: string | undefined;
  for (let round = 0; round < 60; round++) {
    const page = await listTickets({ client: p.s.client, query: { ...query, limit, cursor } as never });
    expect(page.response.status).toBe(200);
    seen.push(...page.data!.items);
    cursor = page.data!.nextCursor ?? undefined;
    if (!cursor) return seen;
    await between();
  }
  throw new Error('the walk did not end in 60 pages');
}

const newestFirst = (x: TicketDto, y: TicketDto) =>
  Date.parse(y.createdAt) - Date.parse(x.createdAt) || (y.id < x.id ? -1 : y.id > x.id ? 1 : 0);
const dueKey = (t: TicketDto) => (t.dueAt ? Date.parse(t.dueAt) : Number.POSITIVE_INFINITY);
const dueOrder = (x: TicketDto, y: TicketDto) => dueKey(x) - dueKey(y) || newestFirst(x, y);

describe('overdue=true and sort=due', () => {
  it('lists only the overdue tickets of each box', async () => {
    const [p, other] = await Promise.all([person(server.baseUrl, 'odl'), person(server.baseUrl, 'odl2')]);
    const [c, co] = await Promise.all([customerOf(p), customerOf(other)]);
    const late = await ticketBy(p, c, other.user, { dueAt: '2020-01-01T00:00:00Z' });
    const lateIn = await ticketBy(other, co, p.user, { dueAt: '2021-01-01T00:00:00Z' });
    await ticketBy(p, c, other.user, { dueAt: inHours(3) });
    await ticketBy(p, c, other.user, {});
    const closed = await ticketBy(p, c, other.user, { dueAt: '2020-01-01T00:00:00Z' });
    await closeTicket({ client: p.s.client, path: { id: closed.id } });
    const ids = async (query: Record<string, unknown>) =>
      (await listTickets({ client: p.s.client, query: { limit: 100, ...query } as never })).data!.items.map(
        (t) => t.id,
      );
    expect(await ids({ overdue: true })).toEqual([lateIn.id, late.id]);
    expect(await ids({ overdue: true, box: 'outgoing' })).toEqual([late.id]);
    expect(await ids({ overdue: true, box: 'incoming' })).toEqual([lateIn.id]);
    expect(await ids({ overdue: true, sort: 'due' })).toEqual([late.id, lateIn.id]);
    expect((await ids({ overdue: false })).length).toBe(5);
    const bad = await listTickets({ client: p.s.client, query: { overdue: 'yes' } as never });
    expect([bad.response.status, fields(bad.error)]).toEqual([400, ['overdue']]);
  });

  it('sorts soonest due first, no due date last, ties newest first, walking every page under concurrent inserts', async () => {
    const [p, other] = await Promise.all([person(server.baseUrl, 'dsort'), person(server.baseUrl, 'dsort2')]);
    const [c, co] = await Promise.all([customerOf(p), customerOf(other)]);
    const dues = [inHours(5), null, inHours(1), inHours(5), null, '2020-01-01T00:00:00Z', inHours(2), inHours(1), null];
    const existing: TicketDto[] = [];
    for (const [i, dueAt] of dues.entries())
      existing.push(
        i % 3 === 0 ? await ticketBy(other, co, p.user, { dueAt }) : await ticketBy(p, c, other.user, { dueAt }),
      );
    const known = new Set(existing.map((t) => t.id));
    let inserts = 0;
    const seen = await walk(p, { sort: 'due', box: 'all' }, 2, async () => {
      if (inserts >= 8) return;
      inserts += 2;
      // New tickets due before, among and after the ones already listed, and without a due date.
      await Promise.all([
        ticketBy(p, c, other.user, { dueAt: inserts % 4 === 0 ? '2019-01-01T00:00:00Z' : inHours(3) }),
        ticketBy(other, co, p.user, { dueAt: null }),
      ]);
    });
    expect(new Set(seen.map((t) => t.id)).size).toBe(seen.length);
    expect(seen.filter((t) => known.has(t.id)).map((t) => t.id)).toEqual([...existing].sort(dueOrder).map((t) => t.id));
    // What the walk returned is in the sort's order, whatever was inserted meanwhile.
    expect(seen.map((t) => t.id)).toEqual([...seen].sort(dueOrder).map((t) => t.id));
  });
});
