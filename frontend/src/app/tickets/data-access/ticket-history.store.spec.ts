import { Injector } from '@angular/core';
import { LiveEvents } from '../../core/live/live-events.service';
import { FakeLiveEvents } from '../../core/live/live-events.testing';
import type { HistoryEntry } from './ticket-history';
import { TicketHistoryStore } from './ticket-history.store';

const listTicketHistory = jest.fn();
jest.mock('@bw/sdk', () => ({
  ...jest.requireActual<object>('@bw/sdk'),
  listTicketHistory: (...args: unknown[]) => listTicketHistory(...args),
}));

const entry = (id: string): HistoryEntry => ({
  id,
  at: '2026-01-01T00:00:00Z',
  actor: null,
  via: { kind: 'user' },
  action: 'updated',
  changes: [],
});
const settled = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('TicketHistoryStore', () => {
  it('pages oldest first and reads the end again on each event about the ticket', async () => {
    const rows = ['h1', 'h2', 'h3'];
    listTicketHistory.mockImplementation(async ({ query }: { query: { cursor?: string; limit: number } }) => {
      const start = query.cursor ? Number(query.cursor) : 0;
      const end = start + 2;
      return {
        data: { items: rows.slice(start, end).map(entry), nextCursor: end < rows.length ? String(end) : null },
        response: { ok: true, status: 200 },
      };
    });
    const live = new FakeLiveEvents();
    const injector = Injector.create({
      providers: [
        { provide: LiveEvents, useValue: live },
        { provide: TicketHistoryStore, useFactory: () => new TicketHistoryStore() },
      ],
    });
    const store = injector.get(TicketHistoryStore);
    await store.load('t1');
    expect(listTicketHistory.mock.calls[0][0].path).toEqual({ id: 't1' });
    await store.loadMore();
    expect(store.entries.items().map((e) => e.id)).toEqual(['h1', 'h2', 'h3']);

    rows.push('h4');
    live.emit('ticket.updated', { ticketId: 't2' });
    live.emit('comment.created', { ticketId: 't1' });
    await settled();
    expect(store.entries.items().map((e) => e.id)).toEqual(['h1', 'h2', 'h3', 'h4']);
    expect(listTicketHistory).toHaveBeenCalledTimes(3);
  });
});
