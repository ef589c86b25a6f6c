import type { SavedViewCountDto, SavedViewDto, SavedViewFiltersDto, TicketSort } from '@bw/sdk';
import {
  TICKET_BOXES,
  TICKET_PRIORITIES,
  TICKET_STATUSES,
  TICKET_TOPICS,
  TICKET_TYPES,
} from '../../shared/ticket-fields/ticket-fields';

export type SavedView = SavedViewDto;
export type SavedViewCount = SavedViewCountDto;

/** A list query as a view keeps it: the filters that narrow (none means every ticket) and the sort. */
export interface ViewQuery {
  readonly filters: SavedViewFiltersDto;
  readonly sort: TicketSort;
}

/** The sorts of `GET /api/tickets` (the API's TicketSort). */
export const TICKET_SORTS: readonly TicketSort[] = ['newest', 'oldest', 'updated', 'priority', 'due'];

/** The URL query parameters a view stands for: the list's own names, so the page and the API read the same. */
export const VIEW_PARAMS = [
  'box',
  'status',
  'priority',
  'type',
  'topic',
  'customerId',
  'q',
  'overdue',
  'sort',
] as const;

type Params = Readonly<Record<string, string | null | undefined>>;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function listOf<T extends string>(value: string | null | undefined, allowed: readonly T[]): T[] | undefined {
  const picked = (value ?? '')
    .split(',')
    .map((v) => v.trim())
    .filter((v): v is T => (allowed as readonly string[]).includes(v));
  return picked.length ? [...new Set(picked)].sort() : undefined;
}

/** The query in /tickets' URL, ignoring values the API would refuse (as the page does). */
export function queryFromParams(params: Params): ViewQuery {
  const box = TICKET_BOXES.find((b) => b === params['box'] && b !== 'all');
  const status = TICKET_STATUSES.find((s) => s === params['status']);
  const q = (params['q'] ?? '').trim();
  const rawCustomer = params['customerId'] ?? '';
  const customerId = UUID.test(rawCustomer) ? rawCustomer.toLowerCase() : undefined;
  const filters: SavedViewFiltersDto = {
    ...(box ? { box } : {}),
    ...(status ? { status } : {}),
    ...optional('priority', listOf(params['priority'], TICKET_PRIORITIES)),
    ...optional('type', listOf(params['type'], TICKET_TYPES)),
    ...optional('topic', listOf(params['topic'], TICKET_TOPICS)),
    ...(customerId ? { customerId } : {}),
    ...(q ? { q } : {}),
    ...(params['overdue'] === 'true' ? { overdue: true } : {}),
  };
  return { filters, sort: TICKET_SORTS.find((s) => s === params['sort']) ?? 'newest' };
}

const optional = <K extends string, V>(key: K, value: V | undefined) =>
  (value === undefined ? {} : { [key]: value }) as Partial<Record<K, V>>;

/** A view's query as it compares: box `all` left out, lists sorted and without repeats. */
export function normalized(query: ViewQuery): ViewQuery {
  const f = query.filters;
  return queryFromParams({ ...paramsOf(f), sort: query.sort });
}

function paramsOf(f: SavedViewFiltersDto): Record<string, string | null> {
  return {
    box: f.box && f.box !== 'all' ? f.box : null,
    status: f.status ?? null,
    priority: f.priority?.length ? f.priority.join(',') : null,
    type: f.type?.length ? f.type.join(',') : null,
    topic: f.topic?.length ? f.topic.join(',') : null,
    customerId: f.customerId ?? null,
    q: f.q?.trim() ? f.q.trim() : null,
    overdue: f.overdue ? 'true' : null,
  };
}

/** Whether two queries list the same tickets in the same order. */
export function sameQuery(a: ViewQuery, b: ViewQuery): boolean {
  return JSON.stringify(normalized(a)) === JSON.stringify(normalized(b));
}

/** Whether the URL names any filter or sort at all (a bare `?view=<id>` does not). */
export function hasQueryParams(params: Params): boolean {
  return VIEW_PARAMS.some((key) => (params[key] ?? '') !== '');
}

/**
 * The URL of a view applied: `view=<id>` and every filter and the sort spelled out (the ones the
 * view leaves open cleared), so the page's own controls show what the view narrows.
 */
export function viewParams(view: SavedView): Record<string, string | null> {
  return { view: view.id, ...paramsOf(view.filters), sort: view.sort === 'newest' ? null : view.sort };
}

/** The count as shown beside a view's name: `12`, `1000+`; empty while unknown. */
export function countText(count: SavedViewCount | undefined): string {
  if (!count) return '';
  return count.capped ? `${count.count}+` : String(count.count);
}

/** The word after the count, for screen readers: " ticket" or " tickets". */
export function ticketsWord(count: SavedViewCount): string {
  return count.count === 1 && !count.capped ? ' ticket' : ' tickets';
}

/** What a screen reader says for a view: "Urgent open, 12 tickets", "Billing, 1000+ tickets". */
export function viewLabel(view: SavedView, count: SavedViewCount | undefined): string {
  return count ? `${view.name}, ${countText(count)}${ticketsWord(count)}` : view.name;
}
