import { Entity, Property } from '@mikro-orm/core';
import { VersionedEntity } from '../../../platform/domain/base.entity';
import { StaleVersionError } from '../../../platform/errors/domain-error';

export interface CustomerFields {
  name: string;
  email: string;
  phone?: string | null;
  company?: string | null;
  notes?: string | null;
}

/** A customer, owned by one user. Deleting is soft: tickets keep pointing at the row. */
@Entity({ tableName: 'customers' })
export class Customer extends VersionedEntity {
  @Property({ type: 'uuid' })
  ownerId: string;

  @Property({ type: 'text' })
  name: string;

  @Property({ type: 'text' })
  email: string;

  @Property({ type: 'text', nullable: true })
  phone: string | null = null;

  @Property({ type: 'text', nullable: true })
  company: string | null = null;

  @Property({ type: 'text', nullable: true })
  notes: string | null = null;

  @Property({ type: 'timestamptz', nullable: true })
  deletedAt: Date | null = null;

  constructor(ownerId: string, fields: CustomerFields) {
    super();
    this.ownerId = ownerId;
    this.name = fields.name;
    this.email = fields.email;
    this.phone = fields.phone ?? null;
    this.company = fields.company ?? null;
    this.notes = fields.notes ?? null;
  }

  /** Applies an edit made against `version`; a stale version changes nothing. */
  update(version: number, changes: Partial<CustomerFields>): void {
    if (version !== this.version) throw new StaleVersionError('Customer');
    if (changes.name !== undefined) this.name = changes.name;
    if (changes.email !== undefined) this.email = changes.email;
    if (changes.phone !== undefined) this.phone = changes.phone;
    if (changes.company !== undefined) this.company = changes.company;
    if (changes.notes !== undefined) this.notes = changes.notes;
    this.updatedAt = new Date();
  }

  softDelete(): void {
    this.deletedAt = new Date();
    this.updatedAt = this.deletedAt;
  }
}
