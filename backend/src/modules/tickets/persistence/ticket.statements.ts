import { afterPosition, keysetOrder } from '../../../platform/database/keyset';
import { Sql, sql } from '../../../platform/database/sql';
import type { KeysetPosition } from '../../../platform/pagination/cursor';
import type { TicketRecord } from '../domain/ticket-record';
import type { TicketSearchTerms } from '../domain/ticket-search';
import { TICKET_PARTIES, TicketParty } from '../domain/ticket-rules';
import type {
  TicketBox,
  TicketPriority,
  TicketSort,
  TicketStatus,
  TicketTopic,
  TicketType,
} from '../domain/ticket.enums';
import { TICKET_COMMENTS, TICKETS } from './tickets.table';

/** Every statement of the tickets module, as functions of their values (rendered in persistence/tickets.sql). */

const columns = TICKETS.columns();

const PARTY_COLUMNS: Record<TicketParty, string> = {
  creatorId: 'creator_id',
  assigneeId: 'assignee_id',
};

/** The visibility rule (domain/ticket-rules) in SQL: the user is one of the ticket's parties. */
export function visibleTo(userId: string, alias?: string): Sql {
  const column = (party: TicketParty) =>
    alias ? sql.ident(alias, PARTY_COLUMNS[party]) : sql.ident(PARTY_COLUMNS[party]);
  return sql`(${sql.join(
    TICKET_PARTIES.map((party) => sql`${column(party)} = ${userId}`),
    sql` or `,
  )})`;
}

export const selectVisibleTicket = (userId: string, id: string): Sql =>
  sql`select ${columns} from tickets where id = ${id} and ${visibleTo(userId)}`;

export const ticketIsVisible = (userId: string, id: string): Sql =>
  sql`select 1 from tickets where id = ${id} and ${visibleTo(userId)}`;

/** The list's narrowing beyond the box: each field one value or any of several. */
export interface TicketListFilters {
  status?: TicketStatus;
  priority?: TicketPriority[];
  type?: TicketType[];
  topic?: TicketTopic[];
  customerId?: string;
  assigneeId?: string;
  /** Only overdue tickets: the due time passed (on the database's clock) and the status is open or pending. */
  overdue?: boolean;
}

/** `priority` as its rank (domain/ticket-search.ts priorityRank), urgent highest: the key of `sort=priority` (and of its indexes). */
const PRIORITY_RANK = sql`(case priority when 'urgent' then 4 when 'high' then 3 when 'normal' then 2 else 1 end)`;

/** `dueAt` as the key of `sort=due` (and of its indexes): soonest first, no due date last. */
const DUE_KEY = sql`coalesce(due_at, 'infinity'::timestamptz)`;

/** The order of a sort: its key, then creation order newest first (oldest: creation order). */
export function sortOrder(sort: TicketSort): Sql {
  switch (sort) {
    case 'newest':
      return keysetOrder('desc');
    case 'oldest':
      return keysetOrder('asc');
    case 'updated':
      return sql`order by updated_at desc, created_at desc, id desc`;
    case 'priority':
      return sql`order by ${PRIORITY_RANK} desc, created_at desc, id desc`;
    case 'due':
      return sql`order by ${DUE_KEY}, created_at desc, id desc`;
  }
}

/** The keyset predicate of a sort: the rows after the cursor's position in that sort's order. */
export function afterSorted(sort: TicketSort, after: KeysetPosition | null): Sql {
  if (!after) return sql.empty;
  switch (sort) {
    case 'newest':
      return afterPosition(after, 'desc');
    case 'oldest':
      return afterPosition(after, 'asc');
    case 'updated':
      return sql` and (updated_at, created_at, id) < (${String(after.key)}::timestamptz, ${after.createdAt}::timestamptz, ${after.id}::uuid)`;
    case 'priority':
      return sql` and (${PRIORITY_RANK}, created_at, id) < (${Number(after.key)}::int, ${after.createdAt}::timestamptz, ${after.id}::uuid)`;
    case 'due':
      // The key ascends and the tie-break descends: the key's bound (an index range) and the rest as a filter of the ties.
      return sql` and ${DUE_KEY} >= ${String(after.key)}::timestamptz and (${DUE_KEY} > ${String(after.key)}::timestamptz or (created_at, id) < (${after.createdAt}::timestamptz, ${after.id}::uuid))`;
  }
}

function filterSql(f: TicketListFilters): Sql {
  return sql.join(
    [
      sql.if(!!f.status, () => sql` and status = ${f.status}`),
      sql.if(!!f.priority?.length, () => sql` and priority = any(${f.priority}::text[])`),
      sql.if(!!f.type?.length, () => sql` and type = any(${f.type}::text[])`),
      sql.if(!!f.topic?.length, () => sql` and topic = any(${f.topic}::text[])`),
      sql.if(!!f.customerId, () => sql` and customer_id = ${f.customerId}::uuid`),
      sql.if(!!f.assigneeId, () => sql` and assignee_id = ${f.assigneeId}::uuid`),
      sql.if(!!f.overdue, () => sql` and due_at is not null and status <> 'closed' and due_at <= now()`),
    ],
    sql.empty,
  );
}

/** One box's filter (without a search): a party column, the filters, the keyset position in `sort`; `extra` narrows it. */
export function boxFilter(
  party: 'creator_id' | 'assignee_id',
  userId: string,
  filters: TicketListFilters,
  sort: TicketSort,
  after: KeysetPosition | null,
  extra: Sql = sql.empty,
): Sql {
  return sql`${sql.ident(party)} = ${userId}${extra}${filterSql(filters)}${afterSorted(sort, after)}`;
}

/** The assignee box of `all` without the tickets the caller also created (they are in the creator branch). */
export const notCreatedBy = (userId: string): Sql => sql` and creator_id <> ${userId}`;

/**
 * The filters of a box's branches: one for `outgoing` and `incoming`, two for `all` (the tickets
 * the caller created, and those assigned to the caller that the caller did not create).
 */
export function boxBranches(
  userId: string,
  box: TicketBox,
  filters: TicketListFilters,
  sort: TicketSort,
  after: KeysetPosition | null,
): Sql[] {
  const branch = (party: 'creator_id' | 'assignee_id', extra?: Sql) =>
    boxFilter(party, userId, filters, sort, after, extra);
  if (box === 'outgoing') return [branch('creator_id')];
  if (box === 'incoming') return [branch('assignee_id')];
  return [branch('creator_id'), branch('assignee_id', notCreatedBy(userId))];
}

/** A page of one box, or of several merged in the sort's order (each branch an index-ordered scan). */
export function boxPage(filters: Sql[], sort: TicketSort, take: number): Sql {
  const order = sortOrder(sort);
  const selects = filters.map((where) => sql`(select ${columns} from tickets where ${where} ${order} limit ${take})`);
  return selects.length === 1
    ? selects[0]
    : sql`select * from (${sql.join(selects, sql` union all `)}) t ${order} limit ${take}`;
}

/**
 * A search's match on a row of `tickets` (or of a set of its rows) aliased `t`: a word prefix of
 * the title or description (`search`), the ticket's number, or its customer's name (word prefixes)
 * or email (prefix), both in the row's copy of the customer's words (`customer_search`, ADR 0019).
 * The party GIN index holds both vectors, so each arm is an index scan within the box.
 */
export function searchMatch(terms: TicketSearchTerms): Sql {
  const words = terms.prefixes;
  return sql`(${sql.join(
    [
      ...(words && terms.customerWords
        ? [
            sql`t.search @@ to_tsquery('english', ${words})`,
            sql`t.customer_search @@ to_tsquery('simple', ${terms.customerWords})`,
          ]
        : []),
      ...(terms.number !== null ? [sql`t.number = ${terms.number}::int`] : []),
      sql`t.customer_search @@ ${terms.emailPrefix}::tsquery`,
    ],
    sql` or `,
  )})`;
}

/** A search over the box's first `window` rows in the sort's order: the matches and how many rows were scanned. */
export const searchWindow = (
  where: Sql,
  terms: TicketSearchTerms,
  sort: TicketSort,
  window: number,
  take: number,
): Sql =>
  sql`with w as materialized (select ${columns}, search, customer_search from tickets where ${where} ${sortOrder(sort)} limit ${window})
       select s.scanned, m.* from (select count(*)::int as scanned from w) s
       left join lateral (select ${TICKETS.columns('t')} from w t where ${searchMatch(terms)} ${sortOrder(sort)} limit ${take}) m on true`;

/** The search over the whole box (the GIN index of (creator_id, assignee_id, search) for the words). */
export const searchBox = (where: Sql, terms: TicketSearchTerms, sort: TicketSort, take: number): Sql =>
  sql`select ${columns} from tickets t where ${where} and ${searchMatch(terms)} ${sortOrder(sort)} limit ${take}`;

/** Tickets created by `creatorId`; `assigneeId` narrows them to those assigned to the caller. */
export const createdByPage = (
  creatorId: string,
  assigneeId: string | null,
  after: KeysetPosition | null,
  take: number,
): Sql =>
  sql`select ${columns} from tickets where creator_id = ${creatorId}${assigneeId ? sql` and assignee_id = ${assigneeId}` : sql.empty}${afterPosition(after)} ${keysetOrder()} limit ${take}`;

/** `count` new ticket numbers from the tickets' sequence, in increasing order. */
export const nextTicketNumbers = (count: number): Sql =>
  sql`select nextval('tickets_number_seq')::int as number from generate_series(1, ${count}::int) order by 1`;

/** New tickets, one multi-row INSERT (the change of Outbox.writeWithEvents). */
export const insertTickets = (tickets: TicketRecord[]): Sql =>
  sql`insert into tickets (${columns}) values ${TICKETS.values(tickets.map(TICKETS.toRow))}`;

/** The columns a state change wrote, guarded by the version it was read at (the change of Outbox.writeIfChanged). */
export const updateTicketAtVersion = (before: TicketRecord, after: TicketRecord): Sql =>
  sql`update tickets set ${TICKETS.changed(before, after)}, version = version + 1 where id = ${before.id} and version = ${before.version} returning ${columns}`;

const commentColumns = TICKET_COMMENTS.columns();

/**
 * A reply, written only if its author may see the ticket and the ticket still has the parties it
 * was read with (its event's audience): the checks and the insert in one statement.
 */
export const insertCommentIfVisible = (
  comment: { id: string; ticketId: string; authorId: string; body: string; createdAt: Date },
  parties: { creatorId: string; assigneeId: string },
): Sql =>
  sql`insert into ticket_comments (${commentColumns})
       select ${comment.id}::uuid, t.id, ${comment.authorId}::uuid, ${comment.body}::text, ${comment.createdAt}::timestamptz from tickets t
        where t.id = ${comment.ticketId} and ${visibleTo(comment.authorId, 't')} and t.creator_id = ${parties.creatorId} and t.assignee_id = ${parties.assigneeId}
       returning id`;

/** The conversation, oldest first. */
export const commentsPage = (ticketId: string, after: KeysetPosition | null, take: number): Sql =>
  sql`select ${commentColumns} from ticket_comments where ticket_id = ${ticketId}${afterPosition(after, 'asc')} ${keysetOrder('asc')} limit ${take}`;

/** How many of the caller's tickets (both boxes, each once) are overdue, under the list's own `overdue=true` predicate. */
export function countOverdue(userId: string): Sql {
  const branches = boxBranches(userId, 'all', { overdue: true }, 'newest', null).map(
    (where) => sql`(select count(*) from tickets where ${where})`,
  );
  return sql`select (${sql.join(branches, sql` + `)})::int as count`;
}
