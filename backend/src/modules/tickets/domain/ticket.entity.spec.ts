import { StaleVersionError } from '../../../platform/errors/domain-error';
import { Ticket } from './ticket.entity';
import { TicketAlreadyClosedError, TicketNotClosedError } from './ticket.errors';

const newTicket = () =>
  new Ticket('creator', {
    title: 'T',
    description: '',
    customerId: 'c',
    assigneeId: 'a',
    type: 'task',
    priority: 'low',
    topic: 'other',
    photoUrl: null,
    dueAt: null,
  });

describe('Ticket', () => {
  it('starts open with no closedAt', () => {
    const t = newTicket();
    expect(t.status).toBe('open');
    expect(t.closedAt).toBeNull();
  });

  it('closes once: sets closedAt and reports the transition; closing again is a conflict', () => {
    const t = newTicket();
    expect(t.close()).toBe('closed');
    expect(t.closedAt).toBeInstanceOf(Date);
    expect(() => t.close()).toThrow(TicketAlreadyClosedError);
  });

  it('reopens only a closed ticket, clearing closedAt', () => {
    const t = newTicket();
    expect(() => t.reopen()).toThrow(TicketNotClosedError);
    t.close();
    expect(t.reopen()).toBe('reopened');
    expect(t.status).toBe('open');
    expect(t.closedAt).toBeNull();
  });

  it('reports transitions through changeStatus: to closed, out of closed, or none', () => {
    const t = newTicket();
    expect(t.changeStatus('pending')).toBeNull();
    expect(t.changeStatus('pending')).toBeNull();
    expect(t.changeStatus('closed')).toBe('closed');
    expect(t.changeStatus('pending')).toBe('reopened');
  });

  it('rejects a stale version', () => {
    expect(() => newTicket().assertVersion(2)).toThrow(StaleVersionError);
    expect(() => newTicket().assertVersion(1)).not.toThrow();
  });

  it('knows its creator and assignee', () => {
    const t = newTicket();
    expect(t.isCreator('creator')).toBe(true);
    expect(t.isAssignee('a')).toBe(true);
    expect(t.isCreator('a')).toBe(false);
  });
});
