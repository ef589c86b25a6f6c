import { Injector, signal } from '@angular/core';
import type { MessageDto } from '@bw/sdk';
import { SessionStore } from '../../core/auth/session.store';
import { LiveEvents } from '../../core/live/live-events.service';
import { FakeLiveEvents } from '../../core/live/live-events.testing';
import { MessagesListStore } from './messages-list.store';
import { UnreadMessagesStore } from './unread-messages.store';

const listMessages = jest.fn();
jest.mock('@bw/sdk', () => ({
  ...jest.requireActual<object>('@bw/sdk'),
  listMessages: (...args: unknown[]) => listMessages(...args),
}));

const me = { id: 'u-me', username: 'me' };
const alex = { id: 'u-alex', username: 'alex' };
const message = (id: string, sender = alex, receiver = me, readAt: string | null = null): MessageDto =>
  ({
    id,
    sender,
    receiver,
    body: `message ${id}`,
    triggerId: 'tr1',
    event: 'ticket.closed',
    ticketId: 't1',
    customerId: null,
    createdAt: '2026-01-01T00:00:00Z',
    readAt,
  }) as MessageDto;

function setup() {
  const live = new FakeLiveEvents();
  listMessages.mockReset().mockResolvedValue({
    data: { items: [message('m1')], nextCursor: null },
    response: { ok: true, status: 200 },
  });
  const injector = Injector.create({
    providers: [
      { provide: LiveEvents, useValue: live },
      { provide: SessionStore, useValue: { user: signal(me) } },
      { provide: UnreadMessagesStore, useValue: { refresh: jest.fn() } },
      { provide: MessagesListStore, useFactory: () => new MessagesListStore() },
    ],
  });
  return { live, store: injector.get(MessagesListStore) };
}

describe('MessagesListStore (live)', () => {
  it('puts a new message for me first in the inbox, and shows one read elsewhere as read', async () => {
    const { live, store } = setup();
    await store.load('inbox');
    live.emit('message.created', { message: message('m2') });
    live.emit('message.created', { message: message('m3', me, alex) });
    expect(store.items().map((m) => m.id)).toEqual(['m2', 'm1']);
    live.emit('message.read', { message: message('m1', alex, me, '2026-01-02T00:00:00Z') });
    expect(store.items()[1].readAt).toBe('2026-01-02T00:00:00Z');
  });

  it('puts what my triggers sent into the sent box only', async () => {
    const { live, store } = setup();
    await store.load('sent');
    live.emit('message.created', { message: message('m2') });
    live.emit('message.created', { message: message('m3', me, alex) });
    expect(store.items().map((m) => m.id)).toEqual(['m3', 'm1']);
  });
});
