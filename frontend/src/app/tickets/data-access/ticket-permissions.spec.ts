import { ticketPermissions, ticketRole } from './ticket-permissions';

const ada = { id: 'u-ada', username: 'ada' };
const bob = { id: 'u-bob', username: 'bob' };

describe('ticketRole', () => {
  it('tells creator, assignee and anyone else apart', () => {
    const ticket = { creator: ada, assignee: bob };
    expect(ticketRole(ticket, ada.id)).toBe('creator');
    expect(ticketRole(ticket, bob.id)).toBe('assignee');
    expect(ticketRole(ticket, 'u-eve')).toBe('none');
    expect(ticketRole(ticket, null)).toBe('none');
  });

  it('treats a ticket assigned to oneself as created (all fields editable)', () => {
    expect(ticketRole({ creator: ada, assignee: ada }, ada.id)).toBe('creator');
  });
});

describe('ticketPermissions', () => {
  it('lets the creator edit everything, delete, and mark an open ticket complete', () => {
    expect(ticketPermissions({ creator: ada, assignee: bob, status: 'open' }, ada.id)).toEqual({
      role: 'creator',
      canEdit: true,
      canEditAllFields: true,
      canDelete: true,
      canClose: true,
      canReopen: false,
      canComment: true,
    });
  });

  it('lets the assignee edit status and priority and close, but not delete', () => {
    const p = ticketPermissions({ creator: ada, assignee: bob, status: 'pending' }, bob.id);
    expect(p).toMatchObject({
      canEdit: true,
      canEditAllFields: false,
      canDelete: false,
      canClose: true,
      canReopen: false,
    });
  });

  it('offers Reopen instead of Mark complete on a closed ticket', () => {
    const p = ticketPermissions({ creator: ada, assignee: bob, status: 'closed' }, bob.id);
    expect(p).toMatchObject({ canClose: false, canReopen: true });
  });

  it('offers nothing to an uninvolved user', () => {
    const p = ticketPermissions({ creator: ada, assignee: bob, status: 'open' }, 'u-eve');
    expect(p).toMatchObject({ canEdit: false, canDelete: false, canClose: false, canReopen: false, canComment: false });
  });
});
