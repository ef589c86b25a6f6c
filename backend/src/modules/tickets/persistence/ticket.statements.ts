import { afterPosition, keysetOrder } from '../../../platform/database/keyset';
import { Sql, sql } from '../../../platform/database/sql';
import type { KeysetPosition } from '../../../platform/pagination/cursor';
import type { TicketRecord } from '../domain/ticket-record';
import { TICKET_PARTIES, TicketParty } from '../domain/ticket-rules';
import type { TicketStatus } from '../domain/ticket.enums';
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

/** One box's filter (without a search): a party column, an optional status, the keyset position; `extra` narrows it. */
export function boxFilter(
  party: 'creator_id' | 'assignee_id',
  userId: string,
  status: TicketStatus | undefined,
  after: KeysetPosition | null,
  extra: Sql = sql.empty,
): Sql {
  return sql`${sql.ident(party)} = ${userId}${extra}${status ? sql` and status = ${status}` : sql.empty}${afterPosition(after)}`;
}

/** The assignee box of `all` without the tickets the caller also created (they are in the creator branch). */
export const notCreatedBy = (userId: string): Sql => sql` and creator_id <> ${userId}`;

/** A page of one box, or of several merged newest first (each branch an index-ordered scan). */
export function boxPage(filters: Sql[], take: number): Sql {
  const selects = filters.map(
    (where) => sql`(select ${columns} from tickets where ${where} ${keysetOrder()} limit ${take})`,
  );
  return selects.length === 1
    ? selects[0]
    : sql`select * from (${sql.join(selects, sql` union all `)}) t ${keysetOrder()} limit ${take}`;
}

/** A search over the box's newest `window` rows: the matches and how many rows were scanned. */
export const searchWindow = (where: Sql, q: string, window: number, take: number): Sql =>
  sql`with w as materialized (select ${columns}, search from tickets where ${where} ${keysetOrder()} limit ${window})
       select s.scanned, m.* from (select count(*)::int as scanned from w) s
       left join lateral (select ${columns} from w where search @@ websearch_to_tsquery('english', ${q}) ${keysetOrder()} limit ${take}) m on true`;

/** The search over the whole box, on the GIN index of (creator_id, assignee_id, search). */
export const searchBox = (where: Sql, q: string, take: number): Sql =>
  sql`select ${columns} from tickets where ${where} and search @@ websearch_to_tsquery('english', ${q}) ${keysetOrder()} limit ${take}`;

/** Tickets created by `creatorId`; `assigneeId` narrows them to those assigned to the caller. */
export const createdByPage = (
  creatorId: string,
  assigneeId: string | null,
  after: KeysetPosition | null,
  take: number,
): Sql =>
  sql`select ${columns} from tickets where creator_id = ${creatorId}${assigneeId ? sql` and assignee_id = ${assigneeId}` : sql.empty}${afterPosition(after)} ${keysetOrder()} limit ${take}`;

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
