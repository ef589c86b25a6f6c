import type { TicketPriority } from './ticket.enums';

/** Minutes from creation to due per priority (null: no due date), the creator's default for new tickets. */
export type DuePolicy = Record<TicketPriority, number | null>;

/** A policy's longest period: one year, in minutes. */
export const MAX_DUE_MINUTES = 525_600;

/** The policy of a user who never set one: no due dates. */
export const NO_DUE_POLICY: DuePolicy = { urgent: null, high: null, normal: null, low: null };

/** The due time a new ticket gets from its creator's policy (null when the policy has none for its priority). */
export function dueFromPolicy(policy: DuePolicy, priority: TicketPriority, createdAt: Date): Date | null {
  const minutes = policy[priority];
  return minutes === null ? null : new Date(createdAt.getTime() + minutes * 60_000);
}
