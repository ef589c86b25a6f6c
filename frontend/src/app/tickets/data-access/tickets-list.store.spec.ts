import { Injector, signal } from '@angular/core';
import type { TicketDto } from '@bw/sdk';
import { SessionStore } from '../../core/auth/session.store';
import { LiveEvents } from '../../core/live/live-events.service';
import { FakeLiveEvents } from '../../core/live/live-events.testing';
import { parseTicketListQuery } from './ticket-list-query';
import { TicketsListStore } from './tickets-list.store';
import { ticketDto } from '../../core/testing/ticket-dto';

const listTickets = jest.fn();
const bulkChangeTickets = jest.fn();
jest.mock('@bw/sdk', () => ({
  ...jest.requireActual<object>('@bw/sdk'),
  listTickets: (...args: unknown[]) => listTickets(...args),
  bulkChangeTickets: (...args: unknown[]) => bulkChangeTickets(...args),
}));

const me = { id: 'u-me', username: 'me', email: 'me@example.com', createdAt: '2026-01-01T00:00:00Z' };
const alex = { id: 'u-alex', username: 'alex' };

const ticket = (id: string, day: number, extra: Partial<TicketDto> = {}): TicketDto =>
  ticketDto(id, day, { assigneeId: me.id, creator: alex, assignee: { id: me.id, username: me.username }, ...extra });

function setup(rows: TicketDto[]) {
  const live = new FakeLiveEvents();
  listTickets.mockReset();
  listTickets.mockImplementation(async () => ({
    data: { items: rows, nextCursor: null },
    response: { ok: true, status: 200 },
  }));
  const injector = Injector.create({
    providers: [
      { provide: LiveEvents, useValue: live },
      { provide: SessionStore, useValue: { user: signal(me) } },
      { provide: TicketsListStore, useFactory: () => new TicketsListStore() },
    ],
  });
  return { live, store: injector.get(TicketsListStore), injector };
}

const ids = (store: TicketsListStore) => store.items().map((t) => t.id);

describe('TicketsListStore (live)', () => {
  it("shows others' changes to the open list at once: edits in place, closed ones leave, new ones arrive", async () => {
    const { live, store } = setup([ticket('b', 2), ticket('a', 1)]);
    await store.loadBox(parseTicketListQuery({ box: 'incoming', status: 'open' }));
    expect(ids(store)).toEqual(['b', 'a']);

    live.emit('ticket.updated', { actor: alex, ticket: ticket('a', 1, { title: 'Renamed', version: 2 }) });
    expect(store.items()[1].title).toBe('Renamed');

    live.emit('ticket.closed', { actor: alex, ticket: ticket('b', 2, { status: 'closed', version: 2 }) });
    expect(ids(store)).toEqual(['a']);

    live.emit('ticket.created', { actor: alex, ticket: ticket('c', 3) });
    // Assigned to someone else: not in my incoming box.
    live.emit('ticket.created', { actor: alex, ticket: ticket('d', 4, { assignee: alex, assigneeId: alex.id }) });
    expect(ids(store)).toEqual(['c', 'a']);

    live.emit('ticket.deleted', { actor: alex, ticketId: 'c' });
    expect(ids(store)).toEqual(['a']);
  });

  it('loads the list again on reset, and stops listening when the page goes', async () => {
    const { live, store, injector } = setup([ticket('a', 1)]);
    await store.loadBox(parseTicketListQuery({}));
    live.reset();
    expect(listTickets).toHaveBeenCalledTimes(2);
    (injector as unknown as { destroy(): void }).destroy();
    live.emit('ticket.deleted', { ticketId: 'a' });
    live.reset();
    expect(ids(store)).toEqual(['a']);
    expect(listTickets).toHaveBeenCalledTimes(2);
  });
});

describe('TicketsListStore (bulk)', () => {
  const ok = (results: unknown[]) => ({ data: { results }, response: { ok: true, status: 200 } });

  it('shows changed rows in place, drops the ones the filters no longer take, and reports each ticket', async () => {
    const { store } = setup([ticket('c', 3), ticket('b', 2), ticket('a', 1)]);
    await store.loadBox(parseTicketListQuery({ priority: 'normal,urgent' }));
    bulkChangeTickets.mockReset();
    bulkChangeTickets.mockResolvedValue(
      ok([
        { id: 'c', status: 200, ticket: ticket('c', 3, { priority: 'urgent', version: 2 }) },
        { id: 'b', status: 200, ticket: ticket('b', 2, { priority: 'low', version: 2 }) },
        {
          id: 'a',
          status: 404,
          problem: { type: 'about:blank', title: 'Not Found', status: 404, detail: 'Ticket not found' },
        },
      ]),
    );
    const outcomes = await store.bulk(['c', 'b', 'a'], { type: 'set_priority', value: 'urgent' });
    expect(outcomes.map((o) => [o.id, o.ok])).toEqual([
      ['c', true],
      ['b', true],
      ['a', false],
    ]);
    expect(store.items().map((t) => [t.id, t.priority])).toEqual([
      ['c', 'urgent'],
      ['a', 'normal'],
    ]);
    const [options] = bulkChangeTickets.mock.calls[0] as [{ body: unknown; headers: Record<string, string> }];
    expect(options.body).toEqual({ ids: ['c', 'b', 'a'], action: { type: 'set_priority', value: 'urgent' } });
    expect(options.headers['Idempotency-Key']).toEqual(expect.any(String));
  });

  it('sends a large selection 100 ids at a time, each with its own key, and drops deleted rows', async () => {
    const rows = Array.from({ length: 150 }, (_, i) => ticket(`t${i}`, 1));
    const { store } = setup(rows);
    await store.loadBox(parseTicketListQuery({}));
    bulkChangeTickets.mockReset();
    bulkChangeTickets.mockImplementation(async ({ body }: { body: { ids: string[] } }) =>
      ok(body.ids.map((id) => ({ id, status: 204 }))),
    );
    const outcomes = await store.bulk(
      rows.map((t) => t.id),
      { type: 'delete' },
    );
    expect(bulkChangeTickets.mock.calls.map(([o]) => (o as { body: { ids: string[] } }).body.ids.length)).toEqual([
      100, 50,
    ]);
    const keys = bulkChangeTickets.mock.calls.map(
      ([o]) => (o as { headers: Record<string, string> }).headers['Idempotency-Key'],
    );
    expect(new Set(keys).size).toBe(2);
    expect(outcomes).toHaveLength(150);
    expect(store.items()).toEqual([]);
  });

  it('a refused request fails its tickets and leaves the rows as they were', async () => {
    const { store } = setup([ticket('a', 1)]);
    await store.loadBox(parseTicketListQuery({}));
    bulkChangeTickets.mockReset();
    bulkChangeTickets.mockResolvedValue({
      error: { type: 'about:blank', title: 'Bad Request', status: 400, detail: 'ids must be unique' },
      response: { ok: false, status: 400, headers: new Headers() },
    });
    const outcomes = await store.bulk(['a'], { type: 'close' });
    expect(outcomes).toEqual([{ id: 'a', ok: false, status: 400, detail: 'ids must be unique' }]);
    expect(store.items().map((t) => t.status)).toEqual(['open']);
  });
});
