import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { AppConfig } from '../../../config/app-config';
import { GroupCommit, ItemOutcome, writeTogetherOrAlone } from '../../../platform/batching/group-commit';
import { InvalidFieldError, ResourceNotFoundError, StaleVersionError } from '../../../platform/errors/domain-error';
import { isDatabaseUnavailable } from '../../../platform/errors/problem.filter';
import { Outbox } from '../../../platform/outbox/outbox.service';
import { ReadPool } from '../../../platform/database/read-pool';
import { CursorCodec, Page, toPage } from '../../../platform/pagination/cursor';
import { CustomersService, CustomerSummary } from '../../customers';
import { IdentityService } from '../../identity';
import { TicketClosedEvent, TicketCreatedEvent, TicketDeletedEvent, TicketEventPayload, TicketReopenedEvent } from '../domain/events/ticket.events';
import { TicketComment } from '../domain/ticket-comment.entity';
import { StatusTransition, Ticket, TicketFields } from '../domain/ticket.entity';
import { TicketBox, TicketStatus } from '../domain/ticket.enums';
import { AssigneeMayNotEditError, OnlyCreatorMayDeleteError } from '../domain/ticket.errors';
import { ASSIGNEE_ACTIONS, TicketAction } from '../domain/ticket-action';
import { renderTemplate } from '../../../platform/templates/template-renderer';
import { fromRow, TICKET_COLUMNS, TicketRecord, TicketRow } from './ticket-record';

export interface TicketChanges extends Partial<TicketFields> {
  status?: TicketStatus;
}

export interface ListTicketsQuery {
  box?: TicketBox;
  status?: TicketStatus;
  q?: string;
  limit?: number;
  cursor?: string;
}

const ASSIGNEE_FIELDS = new Set(['status', 'priority']);

/** Reads and conditional writes a close or reopen tries before it answers 409 (each retry follows a concurrent change). */
const TRANSITION_ATTEMPTS = 3;
/** The columns a new ticket is written with (`search` is generated). */
const INSERT_COLUMNS = ['id', 'creator_id', 'assignee_id', 'customer_id', 'title', 'description', 'type', 'priority', 'topic', 'status', 'photo_url', 'version', 'created_at', 'updated_at', 'closed_at'];

export interface CreatedTicket {
  ticket: Ticket;
  customer: CustomerSummary;
}

interface TicketToCreate {
  actorId: string;
  fields: TicketFields;
}

@Injectable()
export class TicketsService {
  constructor(
    private readonly em: EntityManager,
    private readonly outbox: Outbox,
    private readonly identity: IdentityService,
    private readonly customers: CustomersService,
    private readonly cursors: CursorCodec,
    private readonly config: AppConfig,
    private readonly reads: ReadPool,
  ) {
    this.creations = new GroupCommit((items) => this.createMany(items), { maxBatch: config.TICKET_CREATE_BATCH, maxInFlight: config.TICKET_CREATE_CONCURRENCY });
  }

  /** Plain creations waiting to share a transaction (group commit). */
  private readonly creations: GroupCommit<TicketToCreate, CreatedTicket>;

  /**
   * Creates a ticket; with `macroActions`, the macro is applied in the same transaction. Returns the
   * ticket and its customer as checked (the response shows it, so it need not be read again).
   * A creation without a macro goes through group commit: the creations that arrive while earlier
   * ones are being written share one transaction (createMany); alone, it is a transaction of one.
   */
  async create(actorId: string, fields: TicketFields, macroActions: TicketAction[] = []): Promise<CreatedTicket> {
    if (macroActions.length === 0) return this.creations.submit({ actorId, fields });
    // The checks and the event's names in two parallel queries.
    const [customers, users] = await Promise.all([
      this.customers.summaries([fields.customerId]),
      this.identity.summaries([actorId, fields.assigneeId], { fresh: true }),
    ]);
    const customer = customers.get(fields.customerId);
    if (!customer || customer.ownerId !== actorId || customer.deleted) throw new InvalidFieldError('customerId', 'customerId must be the id of one of your customers');
    if (!users.has(fields.assigneeId)) throw new InvalidFieldError('assigneeId', 'assigneeId must be the id of a user');
    const ticket = new Ticket(actorId, fields);
    const snapshot = this.buildSnapshot(ticket, users, customer, actorId);
    // One transaction; the ticket row is written before the macro's comments that reference it.
    await this.em.transactional(async (em) => {
      em.persist(ticket);
      this.outbox.publish(em, TicketCreatedEvent, snapshot, actorId);
      if (macroActions.length > 0) {
        await em.flush();
        await this.applyTo(em, ticket, actorId, macroActions);
      }
    });
    return { ticket, customer };
  }

  /**
   * Creates many tickets: the checks of all of them in two queries, then one statement that writes
   * every ticket and its `ticket.created` event (Outbox.writeWithEvents: atomic, one round trip).
   * A ticket that fails its checks is that request's 400 alone. If the statement fails for any
   * other reason than the database being unreachable, each ticket is retried alone, so one bad row
   * costs only its own request. Only plain statements: no unit of work is involved, so it does not
   * matter which request's context the run starts in.
   */
  private async createMany(items: TicketToCreate[]): Promise<ItemOutcome<CreatedTicket>[]> {
    const [customers, users] = await Promise.all([
      this.customers.summaries(items.map((i) => i.fields.customerId)),
      this.identity.summaries(
        items.flatMap((i) => [i.actorId, i.fields.assigneeId]),
        { fresh: true },
      ),
    ]);
    // Every entry is set below: at once for a ticket that fails its checks, after the write for the others.
    const outcomes: ItemOutcome<CreatedTicket>[] = [];
    const accepted: { index: number; item: TicketToCreate; customer: CustomerSummary }[] = [];
    for (const item of items) {
      const customer = customers.get(item.fields.customerId);
      if (!customer || customer.ownerId !== item.actorId || customer.deleted) {
        outcomes.push({ ok: false, error: new InvalidFieldError('customerId', 'customerId must be the id of one of your customers') });
      } else if (!users.has(item.fields.assigneeId)) {
        outcomes.push({ ok: false, error: new InvalidFieldError('assigneeId', 'assigneeId must be the id of a user') });
      } else {
        accepted.push({ index: outcomes.length, item, customer });
        outcomes.length += 1;
      }
    }
    // The rows are written as they are built (new tickets have nothing to compare against): one
    // statement with a multi-row INSERT for the tickets and one for their events, without the
    // unit of work's change tracking or a transaction's extra round trips.
    const write = async (group: typeof accepted): Promise<CreatedTicket[]> => {
      const tickets = group.map(({ item }) => new Ticket(item.actorId, item.fields));
      await this.outbox.writeWithEvents(
        this.em,
        {
          sql: `insert into tickets (${INSERT_COLUMNS.join(', ')}) values ${tickets.map(() => `(${INSERT_COLUMNS.map(() => '?').join(', ')})`).join(', ')}`,
          params: tickets.flatMap((t) => [t.id, t.creatorId, t.assigneeId, t.customerId, t.title, t.description, t.type, t.priority, t.topic, t.status, t.photoUrl, t.version, t.createdAt, t.updatedAt, t.closedAt]),
        },
        TicketCreatedEvent,
        group.map(({ item, customer }, i) => ({ payload: this.buildSnapshot(tickets[i], users, customer, item.actorId), actorId: item.actorId })),
      );
      return group.map(({ customer }, i) => ({ ticket: tickets[i], customer }));
    };
    const written = await writeTogetherOrAlone(accepted, write, isDatabaseUnavailable);
    accepted.forEach(({ index }, i) => (outcomes[index] = written[i]));
    return outcomes;
  }

  /**
   * Applies a macro's actions to a visible ticket, all in one transaction (or, with `dryRun`, in a
   * throw-away unit of work that is never flushed). Returns the ticket and the comments added.
   */
  async applyActions(actorId: string, ticketId: string, actions: TicketAction[], options: { dryRun: boolean }): Promise<{ ticket: Ticket; comments: TicketComment[] }> {
    const em = options.dryRun ? this.em.fork({ clear: true }) : this.em;
    const ticket = await em.findOne(Ticket, { id: ticketId, $or: [{ creatorId: actorId }, { assigneeId: actorId }] });
    if (!ticket) throw new ResourceNotFoundError('Ticket');
    const before = ticket.updatedAt.getTime();
    const comments = await this.applyTo(em, ticket, actorId, actions);
    if (options.dryRun) {
      // What the stored ticket would look like: a flush that changes anything bumps the version.
      if (ticket.updatedAt.getTime() !== before) ticket.version += 1;
    } else {
      await em.flush();
    }
    return { ticket, comments };
  }

  private async applyTo(em: EntityManager, ticket: Ticket, actorId: string, actions: TicketAction[]): Promise<TicketComment[]> {
    if (!ticket.isCreator(actorId)) {
      const index = actions.findIndex((a) => !ASSIGNEE_ACTIONS.has(a.type));
      if (index >= 0) throw new AssigneeMayNotEditError(`actions.${index}.type`);
    }
    const comments: TicketComment[] = [];
    const transitions: StatusTransition[] = [];
    for (const [index, action] of actions.entries()) {
      switch (action.type) {
        case 'set_status':
          transitions.push(ticket.changeStatus(action.value as TicketStatus));
          break;
        case 'set_priority':
          ticket.edit({ priority: action.value as Ticket['priority'] });
          break;
        case 'set_type':
          ticket.edit({ type: action.value as Ticket['type'] });
          break;
        case 'set_topic':
          ticket.edit({ topic: action.value as Ticket['topic'] });
          break;
        case 'set_assignee':
          if (!(await this.identity.findUser(action.value))) throw new InvalidFieldError(`actions.${index}.value`, 'the macro assigns the ticket to a user who no longer exists');
          ticket.assignTo(action.value);
          break;
        case 'add_comment': {
          const snapshot = await this.snapshot(ticket, actorId);
          const body = renderTemplate(action.value, {
            'ticket.title': ticket.title,
            'ticket.id': ticket.id,
            'customer.name': snapshot.customer.name,
            'customer.email': snapshot.customer.email,
            'assignee.username': snapshot.assignee.username,
            'current_user.username': snapshot.actor.username,
          });
          const comment = new TicketComment(ticket.id, actorId, body.slice(0, 10000));
          em.persist(comment);
          comments.push(comment);
          ticket.touch();
          break;
        }
      }
    }
    // One event per transition, in order (a macro that closes publishes ticket.closed like a manual close).
    for (const transition of transitions) await this.publishTransitionIn(em, ticket, transition, actorId);
    return comments;
  }

  /** The ticket if the caller is its creator or assignee; 404 otherwise (no existence oracle). */
  async getVisible(actorId: string, id: string): Promise<Ticket> {
    const ticket = await this.em.findOne(Ticket, { id, $or: [{ creatorId: actorId }, { assigneeId: actorId }] });
    if (!ticket) throw new ResourceNotFoundError('Ticket');
    return ticket;
  }

  /** Read path for one ticket: plain SQL on the read pool into a record, no unit of work (it is not going to change). */
  async readVisible(actorId: string, id: string): Promise<TicketRecord> {
    const rows = await this.reads.query<TicketRow>(
      `select ${TICKET_COLUMNS} from tickets where id = ? and (creator_id = ? or assignee_id = ?)`,
      [id, actorId, actorId],
    );
    if (!rows[0]) throw new ResourceNotFoundError('Ticket');
    return fromRow(rows[0]);
  }

  /** The creator may change every field; the assignee only status and priority (403 otherwise). */
  async update(actorId: string, id: string, version: number, changes: TicketChanges): Promise<Ticket> {
    const ticket = await this.getVisible(actorId, id);
    const given = Object.entries(changes).filter(([, value]) => value !== undefined);
    if (!ticket.isCreator(actorId)) {
      const forbidden = given.find(([field]) => !ASSIGNEE_FIELDS.has(field));
      if (forbidden) throw new AssigneeMayNotEditError(forbidden[0]);
    }
    ticket.assertVersion(version);
    const { status, ...fields } = changes;
    if (fields.customerId !== undefined && fields.customerId !== ticket.customerId) await this.assertCustomerOf(ticket.creatorId, fields.customerId);
    if (fields.assigneeId !== undefined && fields.assigneeId !== ticket.assigneeId) await this.assertUserExists(fields.assigneeId);
    ticket.edit(fields);
    const transition = status === undefined ? null : ticket.changeStatus(status);
    await this.publishTransition(ticket, transition, actorId);
    await this.em.flush();
    return ticket;
  }

  /** Closes a visible ticket; returns it with its customer as the event's snapshot read it (the response shows it). */
  close(actorId: string, id: string): Promise<{ ticket: TicketRecord; customer?: CustomerSummary }> {
    return this.transition(actorId, id, (ticket) => ticket.close());
  }

  reopen(actorId: string, id: string): Promise<{ ticket: TicketRecord; customer?: CustomerSummary }> {
    return this.transition(actorId, id, (ticket) => ticket.reopen());
  }

  /**
   * Close and reopen without the unit of work: the visible ticket is read with SQL, the entity's
   * rule is applied to a detached copy (409s come from there), and one statement writes the new
   * status, guarded by the version read, together with the event. A concurrent change or deletion
   * makes the statement match nothing and write nothing; the rule is then applied to the newer
   * state (which answers 404 or 409, or succeeds).
   */
  private async transition(actorId: string, id: string, apply: (ticket: Ticket) => StatusTransition): Promise<{ ticket: TicketRecord; customer?: CustomerSummary }> {
    for (let attempt = 1; ; attempt++) {
      const current = await this.readVisible(actorId, id);
      const ticket = Object.assign(new Ticket(current.creatorId, current), { id: current.id, status: current.status, version: current.version, createdAt: current.createdAt, updatedAt: current.updatedAt, closedAt: current.closedAt });
      const transition = apply(ticket);
      if (transition === null) return { ticket: current };
      const { payload, customer } = await this.snapshotWithCustomer(ticket, actorId);
      const written = await this.outbox.writeIfChanged<TicketRow, TicketEventPayload>(
        this.em,
        {
          sql: `update tickets set status = ?, closed_at = ?, updated_at = ?, version = version + 1 where id = ? and version = ? returning ${TICKET_COLUMNS}`,
          params: [ticket.status, ticket.closedAt, ticket.updatedAt, ticket.id, current.version],
        },
        transition === 'closed' ? TicketClosedEvent : TicketReopenedEvent,
        { payload, actorId },
      );
      if (written[0]) return { ticket: fromRow(written[0]), customer };
      if (attempt === TRANSITION_ATTEMPTS) throw new StaleVersionError('Ticket');
    }
  }

  async delete(actorId: string, id: string): Promise<void> {
    const ticket = await this.getVisible(actorId, id);
    if (!ticket.isCreator(actorId)) throw new OnlyCreatorMayDeleteError();
    this.outbox.publish(this.em, TicketDeletedEvent, await this.snapshot(ticket, actorId), actorId);
    this.em.remove(ticket);
    await this.em.flush();
  }

  /**
   * A page of the caller's tickets, newest first. `all` is the union of the two boxes, read as two
   * index-ordered scans merged by PostgreSQL, so a page costs the same whatever the box sizes.
   * A search (`q`) reads each box's newest rows first (see searchBranch).
   */
  async list(actorId: string, query: ListTicketsQuery): Promise<Page<TicketRecord>> {
    const box = query.box ?? 'all';
    const limit = query.limit ?? 10;
    const q = query.q?.trim() ?? '';
    const scope = `tickets:${actorId}:${box}:${query.status ?? ''}:${q}`;
    const after = query.cursor ? this.cursors.decode(query.cursor, scope) : null;

    // One box's filter (without the search); `extra` narrows the assignee box of `all`.
    const branch = (column: 'creator_id' | 'assignee_id', extra: { sql: string; params: unknown[] } = { sql: '', params: [] }) => {
      const params: unknown[] = [actorId, ...extra.params];
      let where = `${column} = ?${extra.sql}`;
      if (query.status) {
        where += ' and status = ?';
        params.push(query.status);
      }
      if (after) {
        where += ' and (created_at, id) < (?, ?)';
        params.push(after.createdAt, after.id);
      }
      return { where, params };
    };
    const branches =
      box === 'outgoing' ? [branch('creator_id')] : box === 'incoming' ? [branch('assignee_id')] : [branch('creator_id'), branch('assignee_id', { sql: ' and creator_id <> ?', params: [actorId] })];

    let rows: TicketRow[];
    if (q) {
      const found = await Promise.all(branches.map((b) => this.searchBranch(b.where, b.params, q, limit + 1)));
      rows = found
        .flat()
        .sort((x, y) => new Date(y.created_at).getTime() - new Date(x.created_at).getTime() || (y.id < x.id ? -1 : y.id > x.id ? 1 : 0))
        .slice(0, limit + 1);
    } else {
      const selects = branches.map((b) => `(select ${TICKET_COLUMNS} from tickets where ${b.where} order by created_at desc, id desc limit ?)`);
      const params = branches.flatMap((b) => [...b.params, limit + 1]);
      const sql = selects.length === 1 ? selects[0] : `select * from (${selects.join(' union all ')}) t order by created_at desc, id desc limit ?`;
      rows = await this.reads.query<TicketRow>(sql, selects.length === 1 ? params : [...params, limit + 1]);
    }
    return toPage(rows.map(fromRow), limit, this.cursors, scope, (r) => r);
  }

  /**
   * The newest `take` tickets of one box matching a full-text search. PostgreSQL estimates a
   * multi-word query as if its words were independent; for words that go together ("password
   * reset") it then picks a plan for rare words (with an index on the words alone: intersecting
   * the box's index with whole GIN posting lists, 25–80 ms at a million tickets, measured) where
   * walking the box newest first finds a page in a few hundred rows. So the box's newest SEARCH_WINDOW rows are searched first; only when they hold fewer
   * than `take` matches and the box has older rows does the planner's own plan run, on the GIN
   * index of (creator_id, assignee_id, search), which reads only the box's matches.
   */
  private async searchBranch(where: string, params: unknown[], q: string, take: number): Promise<TicketRow[]> {
    const windowed = await this.reads.query<TicketRow & { scanned: number }>(
      `with w as materialized (select ${TICKET_COLUMNS}, search from tickets where ${where} order by created_at desc, id desc limit ?)
       select s.scanned, m.* from (select count(*)::int as scanned from w) s
       left join lateral (select ${TICKET_COLUMNS} from w where search @@ websearch_to_tsquery('english', ?) order by created_at desc, id desc limit ?) m on true`,
      [...params, this.config.TICKET_SEARCH_WINDOW, q, take],
    );
    const matches = windowed.filter((r) => r.id !== null).map(({ scanned: _scanned, ...row }) => row as TicketRow);
    if (matches.length >= take || (windowed[0]?.scanned ?? 0) < this.config.TICKET_SEARCH_WINDOW) return matches;
    return this.reads.query<TicketRow>(
      `select ${TICKET_COLUMNS} from tickets where ${where} and search @@ websearch_to_tsquery('english', ?) order by created_at desc, id desc limit ?`,
      [...params, q, take],
    );
  }

  /** Tickets created by `userId` that the caller may see (all of them when it is the caller). */
  async listCreatedBy(actorId: string, userId: string, query: { limit?: number; cursor?: string }): Promise<Page<TicketRecord>> {
    const limit = query.limit ?? 10;
    const scope = `user-tickets:${actorId}:${userId}`;
    const params: unknown[] = [userId];
    let where = 'creator_id = ?';
    if (userId !== actorId) {
      where += ' and assignee_id = ?';
      params.push(actorId);
    }
    if (query.cursor) {
      const after = this.cursors.decode(query.cursor, scope);
      where += ' and (created_at, id) < (?, ?)';
      params.push(after.createdAt, after.id);
    }
    params.push(limit + 1);
    const rows = await this.reads.query<TicketRow>(
      `select ${TICKET_COLUMNS} from tickets where ${where} order by created_at desc, id desc limit ?`,
      params,
    );
    return toPage(rows.map(fromRow), limit, this.cursors, scope, (r) => r);
  }

  /**
   * A reply on a visible ticket: one statement that checks the caller's right to the ticket and
   * writes the comment (nothing else changes, and nothing is published), so the check and the
   * insert cannot be split by the ticket's deletion.
   */
  async addComment(actorId: string, ticketId: string, body: string): Promise<TicketComment> {
    const comment = new TicketComment(ticketId, actorId, body);
    const written = await this.em.getConnection().execute<{ id: string }[]>(
      `insert into ticket_comments (id, ticket_id, author_id, body, created_at)
       select ?, t.id, ?, ?, ? from tickets t where t.id = ? and (t.creator_id = ? or t.assignee_id = ?)
       returning id`,
      [comment.id, actorId, body, comment.createdAt, ticketId, actorId, actorId],
    );
    if (written.length === 0) throw new ResourceNotFoundError('Ticket');
    return comment;
  }

  /** 404 unless the caller is the ticket's creator or assignee (one indexed lookup, nothing loaded). */
  private async assertVisible(actorId: string, ticketId: string): Promise<void> {
    const rows = await this.reads.query(`select 1 from tickets where id = ? and (creator_id = ? or assignee_id = ?)`, [ticketId, actorId, actorId]);
    if (rows.length === 0) throw new ResourceNotFoundError('Ticket');
  }

  /** The conversation, oldest first. */
  async listComments(actorId: string, ticketId: string, query: { limit?: number; cursor?: string }): Promise<Page<TicketComment>> {
    await this.assertVisible(actorId, ticketId);
    const limit = query.limit ?? 10;
    const scope = `comments:${ticketId}`;
    const params: unknown[] = [ticketId];
    let where = 'ticket_id = ?';
    if (query.cursor) {
      const after = this.cursors.decode(query.cursor, scope);
      where += ' and (created_at, id) > (?, ?)';
      params.push(after.createdAt, after.id);
    }
    params.push(limit + 1);
    const rows = await this.reads.query<{ id: string; ticket_id: string; author_id: string; body: string; created_at: Date }>(
      `select id, ticket_id, author_id, body, created_at from ticket_comments where ${where} order by created_at, id limit ?`,
      params,
    );
    const comments = rows.map((r) => Object.assign(new TicketComment(r.ticket_id, r.author_id, r.body), { id: r.id, createdAt: new Date(r.created_at) }));
    return toPage(comments, limit, this.cursors, scope, (c) => c);
  }

  private publishTransition(ticket: Ticket, transition: StatusTransition, actorId: string): Promise<CustomerSummary | undefined> {
    return this.publishTransitionIn(this.em, ticket, transition, actorId);
  }

  /** Publishes the transition's event, if any; returns the ticket's customer as its snapshot read it. */
  private async publishTransitionIn(em: EntityManager, ticket: Ticket, transition: StatusTransition, actorId: string): Promise<CustomerSummary | undefined> {
    if (transition === null) return undefined;
    const { payload, customer } = await this.snapshotWithCustomer(ticket, actorId);
    this.outbox.publish(em, transition === 'closed' ? TicketClosedEvent : TicketReopenedEvent, payload, actorId);
    return customer;
  }

  /** The event payload (and a trigger dry run's input): the ticket plus the names handlers need. */
  async snapshot(ticket: Ticket, actorId: string): Promise<TicketEventPayload> {
    return (await this.snapshotWithCustomer(ticket, actorId)).payload;
  }

  private async snapshotWithCustomer(ticket: Ticket, actorId: string): Promise<{ payload: TicketEventPayload; customer?: CustomerSummary }> {
    const [users, customers] = await Promise.all([
      this.identity.summaries([ticket.creatorId, ticket.assigneeId, actorId]),
      this.customers.summaries([ticket.customerId]),
    ]);
    const customer = customers.get(ticket.customerId);
    return { payload: this.buildSnapshot(ticket, users, customer, actorId), customer };
  }

  private buildSnapshot(ticket: Ticket, users: Map<string, { username: string }>, customer: { name: string; email: string } | undefined, actorId: string): TicketEventPayload {
    const user = (id: string) => ({ id, username: users.get(id)?.username ?? '' });
    return {
      ticket: {
        id: ticket.id,
        title: ticket.title,
        status: ticket.status,
        priority: ticket.priority,
        type: ticket.type,
        topic: ticket.topic,
        closedAt: ticket.closedAt?.toISOString() ?? null,
      },
      creator: user(ticket.creatorId),
      assignee: user(ticket.assigneeId),
      customer: { id: ticket.customerId, name: customer?.name ?? '', email: customer?.email ?? '' },
      actor: user(actorId),
    };
  }

  private async assertCustomerOf(ownerId: string, customerId: string): Promise<void> {
    if (!(await this.customers.isLiveCustomerOf(ownerId, customerId))) throw new InvalidFieldError('customerId', 'customerId must be the id of one of your customers');
  }

  private async assertUserExists(userId: string): Promise<void> {
    if (!(await this.identity.summaries([userId], { fresh: true })).has(userId)) throw new InvalidFieldError('assigneeId', 'assigneeId must be the id of a user');
  }
}
