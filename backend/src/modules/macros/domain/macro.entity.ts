import { Entity, Enum, Property } from '@mikro-orm/core';
import { VersionedEntity } from '../../../platform/domain/base.entity';
import { StaleVersionError } from '../../../platform/errors/domain-error';
import type { TicketAction } from '../../tickets';

export const MACRO_AVAILABILITY = ['personal', 'everyone'] as const;
export type MacroAvailability = (typeof MACRO_AVAILABILITY)[number];

export interface MacroFields {
  name: string;
  description: string;
  availableFor: MacroAvailability;
  actions: TicketAction[];
}

/** A canned response: named, ordered ticket actions. `everyone` macros are visible to all users. */
@Entity({ tableName: 'macros' })
export class Macro extends VersionedEntity {
  @Property({ type: 'uuid' })
  ownerId: string;

  @Property({ type: 'text' })
  name: string;

  @Property({ type: 'text' })
  description: string;

  @Enum({ items: [...MACRO_AVAILABILITY], type: 'text' })
  availableFor: MacroAvailability;

  @Property({ type: 'json' })
  actions: TicketAction[];

  constructor(ownerId: string, fields: MacroFields) {
    super();
    this.ownerId = ownerId;
    this.name = fields.name;
    this.description = fields.description;
    this.availableFor = fields.availableFor;
    this.actions = fields.actions;
  }

  isVisibleTo(userId: string): boolean {
    return this.ownerId === userId || this.availableFor === 'everyone';
  }

  update(version: number, changes: Partial<MacroFields>): void {
    if (version !== this.version) throw new StaleVersionError('Macro');
    if (changes.name !== undefined) this.name = changes.name;
    if (changes.description !== undefined) this.description = changes.description;
    if (changes.availableFor !== undefined) this.availableFor = changes.availableFor;
    if (changes.actions !== undefined) this.actions = changes.actions;
    this.updatedAt = new Date();
  }
}
