import { assertMayApply, assertMayDelete, assertMayEdit, isVisibleTo, visibleTo } from './ticket-rules';

const ticket = { creatorId: 'c', assigneeId: 'a' };

describe('ticket rules', () => {
  it('shows a ticket to its creator and assignee only, on both paths', () => {
    expect(['c', 'a', 'x'].map((u) => isVisibleTo(ticket, u))).toEqual([true, true, false]);
    expect(visibleTo('u')).toEqual({
      $or: [{ creatorId: 'u' }, { assigneeId: 'u' }],
    });
  });

  it('lets the creator change anything and the assignee only status and priority', () => {
    expect(() => assertMayEdit(ticket, 'c', ['title', 'status'])).not.toThrow();
    expect(() => assertMayEdit(ticket, 'a', ['status', 'priority'])).not.toThrow();
    expect(() => assertMayEdit(ticket, 'a', ['priority', 'title'])).toThrow(
      expect.objectContaining({ field: 'title', status: 403 }),
    );
  });

  it('lets the assignee apply only status, priority and comment actions, naming the first other one', () => {
    const actions = [
      { type: 'add_comment' as const, value: 'x' },
      { type: 'set_topic' as const, value: 'general' },
    ];
    expect(() => assertMayApply(ticket, 'c', actions)).not.toThrow();
    expect(() => assertMayApply(ticket, 'a', actions)).toThrow(expect.objectContaining({ field: 'actions.1.type' }));
  });

  it('lets only the creator delete', () => {
    expect(() => assertMayDelete(ticket, 'c')).not.toThrow();
    expect(() => assertMayDelete(ticket, 'a')).toThrow(expect.objectContaining({ code: 'ONLY_CREATOR_MAY_DELETE' }));
  });
});
