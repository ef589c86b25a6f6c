import { fieldLabel, type HistoryEntry, historyLine, valueLabel, viaLabel } from './ticket-history';

const alex = { id: 'u-alex', username: 'alex' };
const names: Record<string, string> = { 'u-sam': 'sam', c1: 'Grace' };
const nameOf = (_field: string, id: string) => names[id] ?? null;
const day = (iso: string) => `day(${iso.slice(0, 10)})`;

const entry = (partial: Partial<HistoryEntry>): HistoryEntry => ({
  id: 'h1',
  at: '2026-03-01T10:00:00Z',
  actor: alex,
  via: { kind: 'user' },
  action: 'updated',
  changes: [],
  ...partial,
});

describe('historyLine', () => {
  it('says who did what, through what, and each field from → to in words', () => {
    const line = historyLine(
      entry({
        via: { kind: 'macro', id: 'm1', name: 'Escalate' },
        changes: [
          { field: 'priority', from: 'normal', to: 'urgent' },
          { field: 'assigneeId', from: 'u-sam', to: 'u-unknown' },
          { field: 'topic', from: 'office_supplies', to: 'hr' },
          { field: 'dueAt', from: null, to: '2026-03-05T09:00:00Z' },
        ],
      }),
      'u-me',
      nameOf,
      day,
    );
    expect(line).toEqual({
      id: 'h1',
      at: '2026-03-01T10:00:00Z',
      who: 'alex',
      what: 'changed the ticket',
      via: 'macro “Escalate”',
      changes: [
        { field: 'Priority', from: 'Normal', to: 'Urgent' },
        { field: 'Assignee', from: 'sam', to: 'u-unknown' },
        { field: 'Topic', from: 'Office supplies', to: 'HR' },
        { field: 'Due', from: 'none', to: 'day(2026-03-05)' },
      ],
    });
  });

  it('calls the caller "You" and no actor "System"', () => {
    expect(historyLine(entry({ action: 'closed' }), alex.id, nameOf, day)).toMatchObject({
      who: 'You',
      what: 'marked it complete',
    });
    expect(
      historyLine(entry({ actor: null, action: 'overdue', via: { kind: 'automation' } }), alex.id, nameOf, day),
    ).toMatchObject({ who: 'System', what: 'marked it overdue', via: 'automation' });
  });
});

describe('viaLabel / fieldLabel / valueLabel', () => {
  it('names each way a change is made', () => {
    expect(viaLabel({ kind: 'user' })).toBe('by hand');
    expect(viaLabel({ kind: 'trigger', name: 'Tell the boss' })).toBe('trigger “Tell the boss”');
    expect(viaLabel({ kind: 'trigger' })).toBe('trigger');
    expect(viaLabel({ kind: 'bulk' })).toBe('bulk change');
  });

  it('labels unknown fields readably and shortens long text', () => {
    expect(fieldLabel('somethingNew')).toBe('Something New');
    expect(valueLabel('description', 'x'.repeat(200), nameOf, day)).toHaveLength(80);
    expect(valueLabel('assignee', { id: 'u-sam', username: 'sam' }, nameOf, day)).toBe('sam');
    expect(valueLabel('customerId', 'c1', nameOf, day)).toBe('Grace');
    expect(valueLabel('overdue', true, nameOf, day)).toBe('yes');
    expect(valueLabel('title', '', nameOf, day)).toBe('none');
  });
});
