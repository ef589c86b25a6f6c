import type { TicketDto } from '@bw/sdk';

const someone = { id: 'u-someone', username: 'someone' };

/**
 * For specs: an open, normal-priority ticket created on 2026-01-`day` by and for `someone`, not
 * due; `extra` sets what the spec is about (the people, the status, the due time).
 */
export function ticketDto(id: string, day: number, extra: Partial<TicketDto> = {}): TicketDto {
  const at = `2026-01-${String(day).padStart(2, '0')}T00:00:00Z`;
  return {
    id,
    number: day,
    title: `Ticket ${id}`,
    description: '',
    type: 'task',
    priority: 'normal',
    topic: 'general',
    status: 'open',
    photoUrl: null,
    customerId: 'c1',
    assigneeId: someone.id,
    version: 1,
    createdAt: at,
    updatedAt: at,
    closedAt: null,
    dueAt: null,
    overdue: false,
    creator: someone,
    assignee: someone,
    customer: { id: 'c1', name: 'Grace', email: 'grace@example.com', deleted: false },
    ...extra,
  };
}
