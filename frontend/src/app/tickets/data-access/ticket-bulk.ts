import type { BulkChangeTicketsDto, BulkTicketResultDto } from '@bw/sdk';
import type { ApiProblem } from '../../core/api/problem';
import type { Ticket } from './ticket.model';

/** One bulk change, as `POST /api/tickets/bulk` takes it. */
export type BulkAction = BulkChangeTicketsDto['action'];
export type BulkActionType = BulkAction['type'];

/** The most ids one bulk request may carry (the API's limit); a larger selection goes in several. */
export const BULK_MAX_IDS = 100;

/** `ids` in order, in requests of at most `size`. */
export function chunk<T>(ids: readonly T[], size = BULK_MAX_IDS): T[][] {
  const chunks: T[][] = [];
  for (let i = 0; i < ids.length; i += size) chunks.push(ids.slice(i, i + size));
  return chunks;
}

/** How one ticket fared. */
export interface BulkOutcome {
  readonly id: string;
  readonly ok: boolean;
  /** The ticket after the change (absent for a delete and for failures). */
  readonly ticket?: Ticket;
  /** Why it failed: the problem's `detail` (or title). */
  readonly detail?: string;
  readonly status: number;
}

/** A result of the API as an outcome. */
export function outcomeOf(result: BulkTicketResultDto): BulkOutcome {
  const ok = result.status >= 200 && result.status < 300;
  return {
    id: result.id,
    ok,
    status: result.status,
    ...(result.ticket ? { ticket: result.ticket } : {}),
    ...(ok ? {} : { detail: result.problem?.detail || result.problem?.title || `Failed (${result.status})` }),
  };
}

/** A whole request that failed (a 400, the network): every ticket in it failed with that problem. */
export function failedOutcomes(ids: readonly string[], problem: ApiProblem): BulkOutcome[] {
  return ids.map((id) => ({ id, ok: false, status: problem.status, detail: problem.detail || problem.title }));
}

/** What a finished bulk change reports: counts, and each failure with its ticket's number and title. */
export interface BulkReport {
  readonly action: BulkActionType;
  readonly succeeded: number;
  readonly failures: readonly { readonly id: string; readonly label: string; readonly detail: string }[];
  /** "8 closed, 2 failed". */
  readonly summary: string;
}

const DONE: Record<BulkActionType, string> = {
  close: 'closed',
  reopen: 'reopened',
  set_priority: 'changed',
  set_status: 'changed',
  set_assignee: 'assigned',
  apply_macro: 'changed by the macro',
  delete: 'deleted',
};

/** Names a ticket in a report: "#1042 Printer on fire", or its id when it was not in the list. */
export function ticketLabel(id: string, known: ReadonlyMap<string, Ticket>): string {
  const ticket = known.get(id);
  return ticket ? `#${ticket.number} ${ticket.title}` : `Ticket ${id}`;
}

/** Adds the outcomes up for the results panel. */
export function reportOf(
  action: BulkActionType,
  outcomes: readonly BulkOutcome[],
  known: ReadonlyMap<string, Ticket>,
): BulkReport {
  const succeeded = outcomes.filter((o) => o.ok).length;
  const failures = outcomes
    .filter((o) => !o.ok)
    .map((o) => ({ id: o.id, label: ticketLabel(o.id, known), detail: o.detail ?? '' }));
  const parts = [];
  if (succeeded > 0 || failures.length === 0) parts.push(`${succeeded} ${DONE[action]}`);
  if (failures.length > 0) parts.push(`${failures.length} failed`);
  return { action, succeeded, failures, summary: parts.join(', ') };
}

/** A fresh `Idempotency-Key`: a retried request (the network dropped the answer) changes nothing twice. */
export function idempotencyKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
