import type { ListTicketsData, TicketSort } from '@bw/sdk';
import type { TicketListScope } from '../../core/live/ticket-list-events';
import { boxScope } from './ticket-live';
import {
  type Ticket,
  type TicketFilters,
  TICKET_PRIORITIES,
  TICKET_TOPICS,
  TICKET_TYPES,
  type TicketPriority,
  type TicketTopic,
  type TicketType,
} from './ticket.model';
import { parseTicketFilters } from './ticket-body';

export type { TicketSort };
export const TICKET_SORTS: readonly TicketSort[] = ['newest', 'oldest', 'updated', 'priority', 'due'];

/** Everything /tickets lists by, as read from (and written back to) the URL's query parameters. */
export interface TicketListQuery extends TicketFilters {
  readonly priority: readonly TicketPriority[];
  readonly type: readonly TicketType[];
  readonly topic: readonly TicketTopic[];
  readonly customerId: string | null;
  readonly assigneeId: string | null;
  /** Only tickets whose due time passed while open or pending (`?overdue=true`). */
  readonly overdue: boolean;
  readonly sort: TicketSort;
}

/** The query parameters /tickets reads (the router binds each to the page's input of that name). */
export interface TicketListParams {
  readonly box?: string | null;
  readonly status?: string | null;
  readonly priority?: string | null;
  readonly type?: string | null;
  readonly topic?: string | null;
  readonly customerId?: string | null;
  readonly assigneeId?: string | null;
  readonly q?: string | null;
  readonly overdue?: string | null;
  readonly sort?: string | null;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The known values of a comma list, once each, in the vocabulary's order. */
function commaList<T extends string>(text: string | null | undefined, allowed: readonly T[]): readonly T[] {
  const given = new Set((text ?? '').split(',').map((part) => part.trim()));
  return allowed.filter((value) => given.has(value));
}

function id(text: string | null | undefined): string | null {
  return text && UUID.test(text) ? text : null;
}

/** Reads /tickets' query parameters, dropping values the API would refuse (a stale or hand-edited link). */
export function parseTicketListQuery(params: TicketListParams): TicketListQuery {
  return {
    ...parseTicketFilters(params),
    priority: commaList(params.priority, TICKET_PRIORITIES),
    type: commaList(params.type, TICKET_TYPES),
    topic: commaList(params.topic, TICKET_TOPICS),
    customerId: id(params.customerId),
    assigneeId: id(params.assigneeId),
    overdue: params.overdue === 'true',
    sort: TICKET_SORTS.find((s) => s === params.sort) ?? 'newest',
  };
}

/** A change to the list's query, as the filters, headers and tabs ask for it. */
export type TicketListChange = Partial<Omit<TicketListQuery, 'box'>>;

/**
 * The query parameters for `change`, to merge into the URL: each changed field as the API spells
 * it, `null` (dropped from the URL) for its default. Parameters not named, such as `view`, stay.
 */
export function toQueryParams(change: TicketListChange): Record<string, string | null> {
  const params: Record<string, string | null> = {};
  const list = (values: readonly string[]) => (values.length > 0 ? values.join(',') : null);
  if ('status' in change) params['status'] = change.status ?? null;
  if ('priority' in change) params['priority'] = list(change.priority ?? []);
  if ('type' in change) params['type'] = list(change.type ?? []);
  if ('topic' in change) params['topic'] = list(change.topic ?? []);
  if ('customerId' in change) params['customerId'] = change.customerId ?? null;
  if ('assigneeId' in change) params['assigneeId'] = change.assigneeId ?? null;
  if ('q' in change) params['q'] = change.q || null;
  if ('overdue' in change) params['overdue'] = change.overdue ? 'true' : null;
  if ('sort' in change) params['sort'] = change.sort && change.sort !== 'newest' ? change.sort : null;
  return params;
}

/** Every filter off (the box and the sort stay). */
export const NO_FILTERS: TicketListChange = {
  status: null,
  priority: [],
  type: [],
  topic: [],
  customerId: null,
  assigneeId: null,
  overdue: false,
  q: '',
};

/** Whether anything but the box narrows the list (the empty state then offers "Clear filters"). */
export function isFiltered(query: TicketListQuery): boolean {
  return (
    query.status !== null ||
    query.q !== '' ||
    query.priority.length > 0 ||
    query.type.length > 0 ||
    query.topic.length > 0 ||
    query.customerId !== null ||
    query.assigneeId !== null ||
    query.overdue
  );
}

/** The `GET /api/tickets` query for one page of the list (without limit and cursor). */
export function toListTicketsQuery(query: TicketListQuery): NonNullable<ListTicketsData['query']> {
  return {
    box: query.box,
    ...(query.status ? { status: query.status } : {}),
    ...(query.priority.length ? { priority: query.priority.join(',') } : {}),
    ...(query.type.length ? { type: query.type.join(',') } : {}),
    ...(query.topic.length ? { topic: query.topic.join(',') } : {}),
    ...(query.customerId ? { customerId: query.customerId } : {}),
    ...(query.assigneeId ? { assigneeId: query.assigneeId } : {}),
    ...(query.overdue ? { overdue: true } : {}),
    ...(query.sort !== 'newest' ? { sort: query.sort } : {}),
  };
}

/**
 * Which tickets the list shows, as far as one ticket tells: the box and every filter. A ticket
 * the list does not show yet joins it live only in the default order (newest first) without a
 * search; in another order its place is the server's to say, and it shows on the next load.
 * "Overdue only" reads the snapshot's `overdue`: a ticket closed or given a later due time
 * leaves, and `ticket.overdue` (whose snapshot is overdue) brings one in.
 */
export function listQueryScope(query: TicketListQuery, meId: string | null): TicketListScope {
  const inBox = boxScope(query, meId);
  const has = <T>(values: readonly T[], value: T) => values.length === 0 || values.includes(value);
  return {
    includes: (t: Ticket) =>
      inBox.includes(t) &&
      has(query.priority, t.priority) &&
      has(query.type, t.type) &&
      has(query.topic, t.topic) &&
      (query.customerId === null || t.customerId === query.customerId) &&
      (query.assigneeId === null || t.assignee.id === query.assigneeId) &&
      (!query.overdue || t.overdue),
    addsNew: inBox.addsNew && query.sort === 'newest',
  };
}
