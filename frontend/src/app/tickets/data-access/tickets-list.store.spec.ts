import { Injector, signal } from '@angular/core';
import type { TicketDto } from '@bw/sdk';
import { SessionStore } from '../../core/auth/session.store';
import { LiveEvents } from '../../core/live/live-events.service';
import { FakeLiveEvents } from '../../core/live/live-events.testing';
import { TicketsListStore } from './tickets-list.store';

const listTickets = jest.fn();
jest.mock('@bw/sdk', () => ({
  ...jest.requireActual<object>('@bw/sdk'),
  listTickets: (...args: unknown[]) => listTickets(...args),
}));

const me = { id: 'u-me', username: 'me', email: 'me@example.com', createdAt: '2026-01-01T00:00:00Z' };
const alex = { id: 'u-alex', username: 'alex' };

function ticket(id: string, day: number, extra: Partial<TicketDto> = {}): TicketDto {
  return {
    id,
    number: day,
    title: `Ticket ${id}`,
    description: '',
    type: 'task',
    priority: 'normal',
    topic: 'general',
    status: 'open',
    photoUrl: null,
    customerId: 'c1',
    assigneeId: me.id,
    version: 1,
    createdAt: `2026-01-0${day}T00:00:00Z`,
    updatedAt: `2026-01-0${day}T00:00:00Z`,
    closedAt: null,
    dueAt: null,
    overdue: false,
    creator: alex,
    assignee: { id: me.id, username: me.username },
    customer: { id: 'c1', name: 'Grace', email: 'grace@example.com', deleted: false },
    ...extra,
  };
}

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
    await store.loadBox({ box: 'incoming', status: 'open', q: '' });
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
    await store.loadBox({ box: 'all', status: null, q: '' });
    live.reset();
    expect(listTickets).toHaveBeenCalledTimes(2);
    (injector as unknown as { destroy(): void }).destroy();
    live.emit('ticket.deleted', { ticketId: 'a' });
    live.reset();
    expect(ids(store)).toEqual(['a']);
    expect(listTickets).toHaveBeenCalledTimes(2);
  });
});
