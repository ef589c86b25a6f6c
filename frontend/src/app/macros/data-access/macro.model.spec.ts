import { describeAction, type Macro, macroToFormInitial, toCreateMacroBody, toUpdateMacroBody } from './macro.model';

const macro: Macro = {
  id: 'm1',
  name: 'Escalate',
  description: '',
  availableFor: 'personal',
  actions: [
    { type: 'set_priority', value: 'urgent' },
    { type: 'set_assignee', value: 'u2' },
    { type: 'add_comment', value: 'Hello {{customer.name}}' },
  ],
  version: 3,
  ownerId: 'u1',
  createdAt: '2026-01-01T00:00:00Z',
  updatedAt: '2026-01-01T00:00:00Z',
};

const names = (id: string) => (id === 'u2' ? 'bob' : null);

describe('describeAction', () => {
  it('reads each action in words', () => {
    expect(macro.actions.map((a) => describeAction(a, names))).toEqual([
      'Set priority: Urgent',
      'Assign to: bob',
      'Add comment: “Hello {{customer.name}}”',
    ]);
    expect(describeAction({ type: 'set_topic', value: 'office_supplies' }, names)).toBe('Set topic: Office supplies');
  });

  it('shortens long comments and copes with unknown users', () => {
    expect(describeAction({ type: 'add_comment', value: 'x'.repeat(100) }, names)).toBe(
      `Add comment: “${'x'.repeat(57)}…”`,
    );
    expect(describeAction({ type: 'set_assignee', value: 'gone' }, names)).toBe('Assign to: a user');
  });
});

describe('macroToFormInitial', () => {
  it('turns an "Assign to" action into a picked user, named when known', () => {
    const initial = macroToFormInitial(macro, names);
    expect(initial.actions[1]).toEqual({ type: 'set_assignee', value: '', user: { id: 'u2', label: 'bob' } });
    expect(initial.actions[2]).toEqual({ type: 'add_comment', value: 'Hello {{customer.name}}', user: null });
  });
});

describe('toCreateMacroBody', () => {
  it('leaves out an empty description', () => {
    expect(
      toCreateMacroBody({
        name: 'N',
        description: '',
        availableFor: 'everyone',
        actions: [{ type: 'set_status', value: 'closed' }],
      }),
    ).toEqual({
      name: 'N',
      availableFor: 'everyone',
      actions: [{ type: 'set_status', value: 'closed' }],
    });
  });
});

describe('toUpdateMacroBody', () => {
  const same = { name: macro.name, description: '', availableFor: macro.availableFor, actions: macro.actions };

  it('returns null when nothing changed', () => {
    expect(toUpdateMacroBody(macro, same)).toBeNull();
  });

  it('sends only what changed, with the version that was read', () => {
    expect(toUpdateMacroBody(macro, { ...same, availableFor: 'everyone' })).toEqual({
      availableFor: 'everyone',
      version: 3,
    });
  });

  it('sends the whole action list when the order changed', () => {
    const reordered = [macro.actions[2], macro.actions[0], macro.actions[1]];
    expect(toUpdateMacroBody(macro, { ...same, actions: reordered })).toEqual({ actions: reordered, version: 3 });
  });
});
