import type { TicketDto } from '@bw/sdk';
import { describePreview } from './macro-preview';

const ticket: TicketDto = {
  id: 't1',
  number: 1,
  title: 'Invoice',
  description: '',
  customerId: 'c1',
  customer: { id: 'c1', name: 'Ada', email: 'ada@example.com', deleted: false },
  assigneeId: 'u1',
  assignee: { id: 'u1', username: 'alice' },
  creator: { id: 'u1', username: 'alice' },
  type: 'question',
  priority: 'normal',
  topic: 'billing',
  status: 'open',
  photoUrl: null,
  version: 1,
  createdAt: '2026-01-01T00:00:00Z',
  updatedAt: '2026-01-01T00:00:00Z',
  closedAt: null,
  dueAt: null,
  overdue: false,
};

describe('describePreview', () => {
  it('lists the fields that would change, before and after, and the comments', () => {
    const after: TicketDto = {
      ...ticket,
      priority: 'urgent',
      status: 'closed',
      assigneeId: 'u2',
      assignee: { id: 'u2', username: 'bob' },
      version: 2,
    };
    const comment = {
      id: 'x',
      body: 'Hello Ada',
      author: { id: 'u1', username: 'alice' },
      createdAt: '2026-01-01T00:00:00Z',
    };
    const preview = describePreview(ticket, { ticket: after, comments: [comment] });
    expect(preview.changes).toEqual([
      { field: 'status', label: 'Status', before: 'Open', after: 'Closed' },
      { field: 'priority', label: 'Priority', before: 'Normal', after: 'Urgent' },
      { field: 'assignee', label: 'Assignee', before: 'alice', after: 'bob' },
    ]);
    expect(preview.comments).toEqual([comment]);
  });

  it('reports no changes for a macro that only comments (the version bump is not a change)', () => {
    expect(describePreview(ticket, { ticket: { ...ticket, version: 2 }, comments: [] }).changes).toEqual([]);
  });
});
