import type { Ticket, TicketFormValue } from './ticket.model';
import { parseTicketFilters, ticketToFormInitial, toCreateTicketBody, toUpdateTicketBody } from './ticket-body';
import { priorityLabel, statusLabel, topicLabel, typeLabel } from '../../shared/ticket-fields/ticket-labels';

const ticket: Ticket = {
  id: 't1',
  number: 1042,
  title: 'Printer jammed',
  description: 'Third floor',
  type: 'incident',
  priority: 'normal',
  topic: 'office_supplies',
  status: 'open',
  photoUrl: null,
  customerId: 'c1',
  assigneeId: 'u-bob',
  version: 3,
  createdAt: '2026-01-01T00:00:00Z',
  updatedAt: '2026-01-01T00:00:00Z',
  closedAt: null,
  dueAt: null,
  overdue: false,
  creator: { id: 'u-ada', username: 'ada' },
  assignee: { id: 'u-bob', username: 'bob' },
  customer: { id: 'c1', name: 'Grace', email: 'grace@example.com', deleted: false },
};

const unchanged: TicketFormValue = {
  title: ticket.title,
  description: ticket.description,
  customerId: ticket.customerId,
  assigneeId: ticket.assigneeId,
  type: ticket.type,
  priority: ticket.priority,
  topic: ticket.topic,
  status: ticket.status,
  photoUrl: '',
  dueAt: '',
};

describe('toCreateTicketBody', () => {
  it('leaves out an empty description and photo URL', () => {
    expect(toCreateTicketBody({ ...unchanged, description: '', photoUrl: '' })).toEqual({
      title: 'Printer jammed',
      customerId: 'c1',
      assigneeId: 'u-bob',
      type: 'incident',
      priority: 'normal',
      topic: 'office_supplies',
    });
  });

  it('sends them when given', () => {
    const body = toCreateTicketBody({ ...unchanged, photoUrl: 'https://example.com/p.png' });
    expect(body).toMatchObject({ description: 'Third floor', photoUrl: 'https://example.com/p.png' });
  });
});

describe('toUpdateTicketBody', () => {
  it('sends only the changed fields with the version that was read', () => {
    expect(
      toUpdateTicketBody(ticket, { ...unchanged, title: 'Printer on fire', priority: 'urgent' }, 'creator'),
    ).toEqual({
      title: 'Printer on fire',
      priority: 'urgent',
      version: 3,
    });
  });

  it('returns null when nothing changed', () => {
    expect(toUpdateTicketBody(ticket, unchanged, 'creator')).toBeNull();
  });

  it('limits the assignee to status and priority', () => {
    expect(toUpdateTicketBody(ticket, { ...unchanged, title: 'Nope', status: 'pending' }, 'assignee')).toEqual({
      status: 'pending',
      version: 3,
    });
  });

  it('clears the photo with null and sets a new one', () => {
    const withPhoto = { ...ticket, photoUrl: 'https://example.com/a.png' };
    expect(toUpdateTicketBody(withPhoto, { ...unchanged, photoUrl: '' }, 'creator')).toEqual({
      photoUrl: null,
      version: 3,
    });
    expect(toUpdateTicketBody(ticket, { ...unchanged, photoUrl: 'https://example.com/b.png' }, 'creator')).toEqual({
      photoUrl: 'https://example.com/b.png',
      version: 3,
    });
  });
});

describe('ticketToFormInitial', () => {
  it('labels a deleted customer and the caller as assignee', () => {
    const initial = ticketToFormInitial({ ...ticket, customer: { ...ticket.customer, deleted: true } }, 'u-bob');
    expect(initial.customer).toEqual({ id: 'c1', label: 'Grace (deleted)', hint: 'grace@example.com' });
    expect(initial.assignee).toEqual({ id: 'u-bob', label: 'Me (bob)' });
    expect(initial.photoUrl).toBe('');
  });
});

describe('parseTicketFilters', () => {
  it('defaults to both boxes (all), any status, no search', () => {
    expect(parseTicketFilters({})).toEqual({ box: 'all', status: null, q: '' });
  });

  it('keeps known values and drops unknown ones', () => {
    expect(parseTicketFilters({ box: 'outgoing', status: 'closed', q: ' printer ' })).toEqual({
      box: 'outgoing',
      status: 'closed',
      q: 'printer',
    });
    expect(parseTicketFilters({ box: 'spam', status: 'deleted' })).toEqual({ box: 'all', status: null, q: '' });
  });
});

describe('labels', () => {
  it('reads enum values as words', () => {
    expect(topicLabel('office_supplies')).toBe('Office supplies');
    expect(topicLabel('hr')).toBe('HR');
    expect(typeLabel('incident')).toBe('Incident');
    expect(priorityLabel('urgent')).toBe('Urgent');
    expect(statusLabel('pending')).toBe('Pending');
  });
});

describe('dueAt in the form', () => {
  it('leaves an empty due date out of a new ticket (the due policy decides) and sends a given one as an ISO time', () => {
    expect(toCreateTicketBody(unchanged)).not.toHaveProperty('dueAt');
    expect(toCreateTicketBody({ ...unchanged, dueAt: '2031-05-06T07:08' }).dueAt).toBe(
      new Date('2031-05-06T07:08').toISOString(),
    );
  });

  it('round-trips a due time through the local input, sends a change, clears with null and ignores an untouched one', () => {
    const due = { ...ticket, dueAt: new Date('2031-05-06T07:08').toISOString() };
    const initial = ticketToFormInitial(due, null);
    expect(initial.dueAt).toBe('2031-05-06T07:08');
    expect(toUpdateTicketBody(due, { ...unchanged, dueAt: initial.dueAt }, 'creator')).toBeNull();
    expect(toUpdateTicketBody(due, { ...unchanged, dueAt: '' }, 'creator')).toEqual({ dueAt: null, version: 3 });
    expect(toUpdateTicketBody(due, { ...unchanged, dueAt: '2031-05-07T09:00' }, 'creator')).toEqual({
      dueAt: new Date('2031-05-07T09:00').toISOString(),
      version: 3,
    });
    // The assignee may not change it: their form's value is ignored.
    expect(toUpdateTicketBody(due, { ...unchanged, dueAt: '' }, 'assignee')).toBeNull();
  });
});
