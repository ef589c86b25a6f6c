import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { AppConfig } from '../../../config/app-config';
import { ReadPool } from '../../../platform/database/read-pool';
import { ormRunner, Sql } from '../../../platform/database/sql';
import type { KeysetPosition } from '../../../platform/pagination/cursor';
import type { CommentRecord, TicketRecord } from '../domain/ticket-record';
import { priorityRank, TicketSearchTerms } from '../domain/ticket-search';
import type { TicketBox, TicketSort } from '../domain/ticket.enums';
import * as statements from './ticket.statements';
import { TICKET_COMMENTS, TICKETS } from './tickets.table';

const toTicket = (row: Record<string, unknown>): TicketRecord => TICKETS.toRecord<TicketRecord>(row);
const byNewest = (x: TicketRecord, y: TicketRecord) =>
  y.createdAt.getTime() - x.createdAt.getTime() || (y.id < x.id ? -1 : y.id > x.id ? 1 : 0);

/** `sort=due`'s key in JavaScript: the due time, none last. */
const dueKey = (t: TicketRecord) => t.dueAt?.getTime() ?? Number.POSITIVE_INFINITY;

/** The order of statements.sortOrder, in JavaScript (to merge the boxes' searched pages). */
function compareIn(sort: TicketSort): (x: TicketRecord, y: TicketRecord) => number {
  switch (sort) {
    case 'newest':
      return byNewest;
    case 'oldest':
      return (x, y) => byNewest(y, x);
    case 'updated':
      return (x, y) => y.updatedAt.getTime() - x.updatedAt.getTime() || byNewest(x, y);
    case 'priority':
      return (x, y) => priorityRank(y.priority) - priorityRank(x.priority) || byNewest(x, y);
    case 'due':
      return (x, y) => dueKey(x) - dueKey(y) || byNewest(x, y);
  }
}

/**
 * The tickets module's reads on the read pool and its one-statement writes on the ORM's
 * connection (ADR 0008); the unit-of-work paths load and flush the entities themselves.
 */
@Injectable()
export class TicketsRepository {
  constructor(
    private readonly reads: ReadPool,
    private readonly em: EntityManager,
    private readonly config: AppConfig,
  ) {}

  /** `count` new ticket numbers, increasing (a number taken and not written is a gap, never reused). */
  async nextNumbers(count: number): Promise<number[]> {
    const rows = await ormRunner(this.em).query<{ number: number }>(statements.nextTicketNumbers(count));
    return rows.map((r) => r.number);
  }

  async findVisible(userId: string, id: string): Promise<TicketRecord | undefined> {
    const [row] = await this.reads.query(statements.selectVisibleTicket(userId, id));
    return row ? toTicket(row) : undefined;
  }

  async isVisible(userId: string, id: string): Promise<boolean> {
    return (await this.reads.query(statements.ticketIsVisible(userId, id))).length > 0;
  }

  /**
   * The first `take` tickets of a box in the sort's order (`all`: the union of both, read as two
   * index-ordered scans merged by PostgreSQL, so a page costs the same whatever the box sizes),
   * narrowed by the filters and optionally searched.
   */
  async box(
    userId: string,
    box: TicketBox,
    filter: {
      filters: statements.TicketListFilters;
      search: TicketSearchTerms | null;
      sort: TicketSort;
      after: KeysetPosition | null;
    },
    take: number,
  ): Promise<TicketRecord[]> {
    const branches = statements.boxBranches(userId, box, filter.filters, filter.sort, filter.after);
    const search = filter.search;
    if (!search) return (await this.reads.query(statements.boxPage(branches, filter.sort, take))).map(toTicket);
    const found = await Promise.all(branches.map((where) => this.search(where, search, filter.sort, take)));
    return found.flat().sort(compareIn(filter.sort)).slice(0, take);
  }

  /**
   * The first `take` tickets of one box matching a search. PostgreSQL estimates a multi-word query
   * as if its words were independent, and for words that go together it picks a plan meant for
   * rare words where walking the box in order finds a page in a few hundred rows
   * (docs/performance.md, change 6). So the box's first TICKET_SEARCH_WINDOW rows are searched
   * first; only when they hold fewer than `take` matches and the box has more rows does the
   * planner's own plan run, on the GIN index of (creator_id, assignee_id, search).
   */
  private async search(where: Sql, terms: TicketSearchTerms, sort: TicketSort, take: number): Promise<TicketRecord[]> {
    const window = this.config.TICKET_SEARCH_WINDOW;
    const windowed = await this.reads.query<{
      scanned: number;
      id: string | null;
    }>(statements.searchWindow(where, terms, sort, window, take));
    const matches = windowed.filter((r) => r.id !== null).map(toTicket);
    if (matches.length >= take || (windowed[0]?.scanned ?? 0) < window) return matches;
    return (await this.reads.query(statements.searchBox(where, terms, sort, take))).map(toTicket);
  }

  async createdBy(
    creatorId: string,
    visibleTo: string,
    after: KeysetPosition | null,
    take: number,
  ): Promise<TicketRecord[]> {
    const rows = await this.reads.query(
      statements.createdByPage(creatorId, creatorId === visibleTo ? null : visibleTo, after, take),
    );
    return rows.map(toTicket);
  }

  /** How many of the user's tickets (both boxes) are overdue now. */
  async countOverdue(userId: string): Promise<number> {
    const [row] = await this.reads.query<{ count: number }>(statements.countOverdue(userId));
    return row?.count ?? 0;
  }

  async comments(ticketId: string, after: KeysetPosition | null, take: number): Promise<CommentRecord[]> {
    const rows = await this.reads.query(statements.commentsPage(ticketId, after, take));
    return rows.map((row) => TICKET_COMMENTS.toRecord<CommentRecord>(row));
  }

  /** Rows a write statement returned, as records. */
  static toRecords(rows: Record<string, unknown>[]): TicketRecord[] {
    return rows.map(toTicket);
  }
}
