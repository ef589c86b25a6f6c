import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { InvalidFieldError, ResourceNotFoundError } from '../../../platform/errors/domain-error';
import { ormRunner } from '../../../platform/database/sql';
import { CursorCodec, Page, pageRequest, toPage } from '../../../platform/pagination/cursor';
import {
  describeUnknown,
  MACRO_PLACEHOLDERS,
  unknownPlaceholders,
} from '../../../platform/templates/template-renderer';
import { IdentityService } from '../../identity';
import { ACTION_ENUMS, MacroLookup, TicketAction } from '../../tickets';
import { Macro, MacroFields } from '../domain/macro.entity';
import { NotMacroOwnerError } from '../domain/macro.errors';
import { visibleMacrosPage } from '../persistence/macro.statements';

@Injectable()
export class MacrosService implements MacroLookup {
  constructor(
    private readonly em: EntityManager,
    private readonly identity: IdentityService,
    private readonly cursors: CursorCodec,
  ) {}

  async create(ownerId: string, fields: MacroFields): Promise<Macro> {
    await this.validateActions(fields.actions);
    const macro = new Macro(ownerId, fields);
    await this.em.persistAndFlush(macro);
    return macro;
  }

  /** A macro the caller may see: its own, or one shared with everyone. */
  async getVisible(userId: string, id: string): Promise<Macro> {
    const macro = await this.em.findOne(Macro, { id });
    if (!macro || !macro.isVisibleTo(userId)) throw new ResourceNotFoundError('Macro');
    return macro;
  }

  async update(userId: string, id: string, version: number, changes: Partial<MacroFields>): Promise<Macro> {
    const macro = await this.getOwned(userId, id);
    if (changes.actions) await this.validateActions(changes.actions);
    macro.update(version, changes);
    await this.em.flush();
    return macro;
  }

  async delete(userId: string, id: string): Promise<void> {
    const macro = await this.getOwned(userId, id);
    await this.em.removeAndFlush(macro);
  }

  /** The caller's macros and every `everyone` macro, newest first; `q` matches name or description. */
  async list(userId: string, query: { q?: string; limit?: number; cursor?: string }): Promise<Page<Macro>> {
    const q = query.q?.trim() ?? '';
    const scope = `macros:${userId}:${q}`;
    const { limit, after } = pageRequest(this.cursors, scope, query);
    const rows = await ormRunner(this.em).query(visibleMacrosPage(userId, q, after, limit + 1));
    return toPage(
      rows.map((r) => this.em.map(Macro, r)),
      limit,
      this.cursors,
      scope,
      (m) => m,
    );
  }

  /** MacroLookup: the actions of a macro the caller may use, or null. */
  async actionsFor(userId: string, macroId: string): Promise<TicketAction[] | null> {
    const macro = await this.em.findOne(Macro, { id: macroId });
    return macro && macro.isVisibleTo(userId) ? macro.actions : null;
  }

  private async getOwned(userId: string, id: string): Promise<Macro> {
    const macro = await this.getVisible(userId, id);
    if (macro.ownerId !== userId) throw new NotMacroOwnerError();
    return macro;
  }

  /** Each action's value must suit its type; errors name `actions.<i>.value`. */
  private async validateActions(actions: TicketAction[]): Promise<void> {
    for (const [index, action] of actions.entries()) {
      const field = `actions.${index}.value`;
      const allowed = ACTION_ENUMS[action.type];
      if (allowed && !allowed.includes(action.value))
        throw new InvalidFieldError(field, `${action.type} takes one of ${allowed.join(', ')}`);
      if (action.type === 'set_assignee') {
        const isUuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(action.value);
        if (!isUuid || !(await this.identity.findUser(action.value)))
          throw new InvalidFieldError(field, 'set_assignee takes the id of an existing user');
      }
      if (action.type === 'add_comment') {
        if (action.value.trim().length === 0)
          throw new InvalidFieldError(field, 'add_comment needs non-empty comment text');
        const unknown = unknownPlaceholders(action.value, MACRO_PLACEHOLDERS);
        if (unknown.length > 0) throw new InvalidFieldError(field, describeUnknown(unknown, MACRO_PLACEHOLDERS));
      }
    }
  }
}
