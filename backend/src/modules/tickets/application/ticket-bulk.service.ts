import { EntityManager } from '@mikro-orm/postgresql';
import { RequestContext } from '@mikro-orm/core';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { InvalidFieldError } from '../../../platform/errors/domain-error';
import type { Problem } from '../../../platform/errors/problem';
import { toProblem } from '../../../platform/errors/problem.filter';
import type { CustomerSummary } from '../../customers';
import { IdentityService } from '../../identity';
import type { ChangeVia } from '../domain/events/ticket.events';
import { MACRO_LOOKUP, MacroLookup, TicketAction } from '../domain/ticket-action';
import type { TicketRecord } from '../domain/ticket-record';
import type { TicketPriority, TicketStatus } from '../domain/ticket.enums';
import { MacroApplication } from './macro-application.service';
import { TicketChangesService } from './ticket-changes.service';

/** What a bulk change can do to each of its tickets: each one is a single-ticket operation. */
export const BULK_ACTION_TYPES = [
  'close',
  'reopen',
  'set_priority',
  'set_status',
  'set_assignee',
  'apply_macro',
  'delete',
] as const;
export type BulkActionType = (typeof BULK_ACTION_TYPES)[number];

export type BulkAction =
  | { type: 'close' | 'reopen' | 'delete' }
  | { type: 'set_priority'; value: TicketPriority }
  | { type: 'set_status'; value: TicketStatus }
  | { type: 'set_assignee'; value: string }
  | { type: 'apply_macro'; value: string };

/** One ticket's outcome: the status and body its single operation would have answered. */
export type BulkOutcome =
  | { id: string; status: number; ticket: TicketRecord; customer?: CustomerSummary }
  | { id: string; status: 204 }
  | { id: string; status: number; problem: Problem };

/**
 * Tickets of one bulk change changed at the same time, each on its own connection: their round
 * trips overlap, while a bulk change never holds more than this many of the pool's connections.
 */
export const BULK_CONCURRENCY = 4;

/** Every change a bulk change makes is filed under this in the events and the history. */
const VIA_BULK: ChangeVia = { kind: 'bulk' };

/**
 * A bulk change: one action on up to 100 tickets, each ticket changed by the single-ticket use
 * case (close, reopen, the PATCH edit, the macro engine, deletion) in its own transaction and its
 * own unit of work, so one ticket's failure neither stops nor taints the others. The rules and the
 * events are those use cases'; this class only checks what the whole request shares (the macro,
 * the assignee), runs them a few at a time, answers in the ids' order and turns each thrown error
 * into the problem it would answer.
 */
@Injectable()
export class TicketBulkChanges {
  private readonly logger = new Logger('TicketBulkChanges');

  constructor(
    private readonly em: EntityManager,
    private readonly identity: IdentityService,
    private readonly changes: TicketChangesService,
    private readonly macros: MacroApplication,
    @Inject(MACRO_LOOKUP) private readonly macroLookup: MacroLookup,
  ) {}

  async apply(actorId: string, ids: string[], action: BulkAction): Promise<BulkOutcome[]> {
    const change = await this.changeFor(actorId, action);
    const outcomes = new Array<BulkOutcome>(ids.length);
    let next = 0;
    // BULK_CONCURRENCY tickets at a time, each taking the next id; the results stay in the ids' order.
    const worker = async () => {
      while (next < ids.length) {
        const index = next++;
        // A fresh unit of work per ticket: what a failed change loaded or half-changed is never flushed by another.
        outcomes[index] = await RequestContext.create(this.em, () => this.one(ids[index], change));
      }
    };
    await Promise.all(Array.from({ length: Math.min(BULK_CONCURRENCY, ids.length) }, worker));
    return outcomes;
  }

  private async one(id: string, change: (id: string) => Promise<BulkOutcome>): Promise<BulkOutcome> {
    try {
      return await change(id);
    } catch (error) {
      const problem = toProblem(error);
      // A fault rather than a rule (the database went away): still this ticket's result, so the
      // caller learns which tickets were changed before it; logged as the problem filter logs it.
      if (problem.status >= 500) this.logger.error({ err: error, ticketId: id }, 'Bulk change of a ticket failed');
      return { id, status: problem.status, problem };
    }
  }

  /** The single-ticket operation the action stands for, after the checks that hold for every ticket (400 for the request). */
  private async changeFor(actorId: string, action: BulkAction): Promise<(id: string) => Promise<BulkOutcome>> {
    switch (action.type) {
      case 'close':
        return async (id) => ({ id, status: 200, ...(await this.changes.close(actorId, id, VIA_BULK)) });
      case 'reopen':
        return async (id) => ({ id, status: 200, ...(await this.changes.reopen(actorId, id, VIA_BULK)) });
      case 'set_priority':
        return this.edit(actorId, { priority: action.value });
      case 'set_status':
        return this.edit(actorId, { status: action.value });
      case 'set_assignee':
        if (!(await this.identity.findUser(action.value)))
          throw new InvalidFieldError('action.value', 'action.value must be the id of a user');
        return this.edit(actorId, { assigneeId: action.value });
      case 'apply_macro': {
        const actions: TicketAction[] | null = await this.macroLookup.actionsFor(actorId, action.value);
        if (!actions) throw new InvalidFieldError('action.value', 'action.value must be the id of a macro you can use');
        return async (id) => {
          const { ticket } = await this.macros.apply(actorId, id, actions, { dryRun: false, via: VIA_BULK });
          return { id, status: 200, ticket };
        };
      }
      case 'delete':
        return async (id) => {
          await this.changes.delete(actorId, id, VIA_BULK);
          return { id, status: 204 };
        };
    }
  }

  /** PATCH of one field, at the version the change itself loads (a bulk change has read no version). */
  private edit(
    actorId: string,
    fields: { priority?: TicketPriority; status?: TicketStatus; assigneeId?: string },
  ): (id: string) => Promise<BulkOutcome> {
    return async (id) => ({
      id,
      status: 200,
      ticket: await this.changes.update(actorId, id, undefined, fields, VIA_BULK),
    });
  }
}
