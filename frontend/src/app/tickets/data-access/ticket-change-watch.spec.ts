import { Injector, signal } from '@angular/core';
import type { TicketDto } from '@bw/sdk';
import { SessionStore } from '../../core/auth/session.store';
import { LiveEvents } from '../../core/live/live-events.service';
import { FakeLiveEvents } from '../../core/live/live-events.testing';
import { TicketChangeWatch } from './ticket-change-watch';
import { changedFields } from './ticket-live';

const me = { id: 'u-me', username: 'me' };
const alex = { id: 'u-alex', username: 'alex' };
const ticket = (version: number, extra: Partial<TicketDto> = {}) =>
  ({ id: 't1', version, priority: 'normal', status: 'open', assignee: me, ...extra }) as TicketDto;

function setup() {
  const live = new FakeLiveEvents();
  const injector = Injector.create({
    providers: [
      { provide: LiveEvents, useValue: live },
      { provide: SessionStore, useValue: { user: signal(me) } },
      { provide: TicketChangeWatch, useFactory: () => new TicketChangeWatch() },
    ],
  });
  const watch = injector.get(TicketChangeWatch);
  watch.watch('t1');
  return { live, watch };
}

describe('TicketChangeWatch', () => {
  it("keeps the newest change by someone else, not the caller's own", () => {
    const { live, watch } = setup();
    live.emit('ticket.updated', { actor: me, ticket: ticket(2) });
    expect(watch.change()).toBeNull();
    live.emit('ticket.updated', { actor: alex, ticket: ticket(3) });
    live.emit('ticket.updated', { actor: null, ticket: ticket(2) });
    expect(watch.change()).toEqual({ actor: alex, ticket: ticket(3), reason: 'changed' });
    live.emit('ticket.deleted', { actor: alex, ticketId: 't1' });
    expect(watch.change()).toMatchObject({ ticket: null, reason: 'deleted' });
  });
});

describe('changedFields', () => {
  it('names what differs, in the form order', () => {
    expect(changedFields(ticket(1), ticket(2, { status: 'closed', priority: 'urgent' }))).toEqual([
      'priority',
      'status',
    ]);
  });
});
