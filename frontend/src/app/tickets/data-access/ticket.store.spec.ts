import { Injector } from '@angular/core';
import type { CommentDto, TicketDto } from '@bw/sdk';
import { LiveEvents } from '../../core/live/live-events.service';
import { FakeLiveEvents } from '../../core/live/live-events.testing';
import { TicketStore } from './ticket.store';

const sdk = { getTicket: jest.fn(), listTicketComments: jest.fn() };
jest.mock('@bw/sdk', () => ({
  ...jest.requireActual<object>('@bw/sdk'),
  getTicket: (...args: unknown[]) => sdk.getTicket(...args),
  listTicketComments: (...args: unknown[]) => sdk.listTicketComments(...args),
}));

const alex = { id: 'u-alex', username: 'alex' };
const ok = <T>(data: T) => ({ data, response: { ok: true, status: 200 } });

const ticket = (extra: Partial<TicketDto> = {}): TicketDto => ({
  id: 't1',
  number: 1,
  title: 'Printer jammed',
  description: '',
  type: 'incident',
  priority: 'normal',
  topic: 'general',
  status: 'open',
  photoUrl: null,
  customerId: 'c1',
  assigneeId: alex.id,
  version: 2,
  createdAt: '2026-01-01T00:00:00Z',
  updatedAt: '2026-01-01T00:00:00Z',
  closedAt: null,
  dueAt: null,
  overdue: false,
  creator: alex,
  assignee: alex,
  customer: { id: 'c1', name: 'Grace', email: 'grace@example.com', deleted: false },
  ...extra,
});
const comment = (id: string): CommentDto => ({
  id,
  body: `reply ${id}`,
  author: alex,
  createdAt: '2026-01-02T00:00:00Z',
});

async function setup(commentsNext: string | null = null) {
  const live = new FakeLiveEvents();
  sdk.getTicket.mockReset().mockImplementation(async () => ok(ticket()));
  sdk.listTicketComments.mockReset().mockResolvedValue(ok({ items: [comment('c1')], nextCursor: commentsNext }));
  const injector = Injector.create({
    providers: [
      { provide: LiveEvents, useValue: live },
      { provide: TicketStore, useFactory: () => new TicketStore() },
    ],
  });
  const store = injector.get(TicketStore);
  await store.load('t1');
  return { live, store };
}

describe('TicketStore (live)', () => {
  it("shows someone else's newer version at once and keeps a newer one over an older event", async () => {
    const { live, store } = await setup();
    live.emit('ticket.updated', { actor: alex, ticket: ticket({ priority: 'urgent', version: 3 }) });
    expect(store.ticket()?.priority).toBe('urgent');
    live.emit('ticket.updated', { actor: alex, ticket: ticket({ priority: 'low', version: 1 }) });
    live.emit('ticket.updated', { actor: alex, ticket: ticket({ id: 't2', title: 'Other', version: 9 }) });
    expect(store.ticket()).toMatchObject({ id: 't1', priority: 'urgent', version: 3 });
  });

  it('adds a reply to the end of the conversation once it is all on screen', async () => {
    const { live, store } = await setup();
    live.emit('comment.created', { ticketId: 't1', comment: comment('c2') });
    live.emit('comment.created', { ticketId: 't2', comment: comment('c9') });
    expect(store.comments.items().map((c) => c.id)).toEqual(['c1', 'c2']);

    const paged = await setup('next');
    paged.live.emit('comment.created', { ticketId: 't1', comment: comment('c2') });
    expect(paged.store.comments.items().map((c) => c.id)).toEqual(['c1']);
  });

  it('says the ticket is gone when it is deleted or no longer shared', async () => {
    const deleted = await setup();
    deleted.live.emit('ticket.deleted', { actor: alex, ticketId: 't1' });
    expect(deleted.store.ticket()).toBeNull();
    expect(deleted.store.removed()).toEqual({ reason: 'deleted', actor: alex });

    const lost = await setup();
    lost.live.emit('ticket.updated', { actor: alex, ticketId: 't1' });
    expect(lost.store.removed()).toMatchObject({ reason: 'unshared' });
  });

  it('reads the ticket and its conversation again on reset', async () => {
    const { live } = await setup();
    live.reset();
    expect(sdk.getTicket).toHaveBeenCalledTimes(2);
    expect(sdk.listTicketComments).toHaveBeenCalledTimes(2);
  });
});
