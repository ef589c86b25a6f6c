import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { ResourceNotFoundError } from '../../../platform/errors/domain-error';
import { Outbox } from '../../../platform/outbox/outbox.service';
import { ReadPool } from '../../../platform/database/read-pool';
import { ormRunner } from '../../../platform/database/sql';
import { CursorCodec, Page, pageRequest, toPage } from '../../../platform/pagination/cursor';
import { Customer, CustomerFields } from '../domain/customer.entity';
import { CustomerDeletedEvent } from '../domain/events/customer-deleted.event';
import { customerSummaries, isLiveCustomerOf, LISTED, ownersCustomersPage } from '../persistence/customer.statements';

/** What other modules may know of a customer, deleted or not. */
export interface CustomerSummary {
  id: string;
  ownerId: string;
  name: string;
  email: string;
  deleted: boolean;
}

/** A customer as a list page shows it. */
export type CustomerRecord = Pick<
  Customer,
  'id' | 'name' | 'email' | 'phone' | 'company' | 'notes' | 'version' | 'createdAt' | 'updatedAt'
>;

@Injectable()
export class CustomersService {
  constructor(
    private readonly em: EntityManager,
    private readonly outbox: Outbox,
    private readonly cursors: CursorCodec,
    private readonly reads: ReadPool,
  ) {}

  async create(ownerId: string, fields: CustomerFields): Promise<Customer> {
    const customer = new Customer(ownerId, fields);
    await this.em.persistAndFlush(customer);
    return customer;
  }

  /** The owner's live customer, or 404 for anyone else, deleted or unknown ids. */
  async get(ownerId: string, id: string): Promise<Customer> {
    const customer = await this.em.findOne(Customer, { id, ownerId, deletedAt: null });
    if (!customer) throw new ResourceNotFoundError('Customer');
    return customer;
  }

  async update(ownerId: string, id: string, version: number, changes: Partial<CustomerFields>): Promise<Customer> {
    const customer = await this.get(ownerId, id);
    customer.update(version, changes);
    await this.em.flush();
    return customer;
  }

  /** Soft delete plus `customer.deleted`, committed together. */
  async delete(ownerId: string, id: string): Promise<void> {
    const customer = await this.get(ownerId, id);
    customer.softDelete();
    this.outbox.publish(
      this.em,
      CustomerDeletedEvent,
      {
        customerId: customer.id,
        ownerId,
        name: customer.name,
        email: customer.email,
        company: customer.company,
        deletedAt: (customer.deletedAt ?? new Date()).toISOString(),
      },
      ownerId,
    );
    await this.em.flush();
  }

  /** The owner's live customers, newest first; `q` matches name or email (case-insensitive). */
  async list(ownerId: string, query: { q?: string; limit?: number; cursor?: string }): Promise<Page<CustomerRecord>> {
    const q = query.q?.trim() ?? '';
    const scope = `customers:${ownerId}:${q}`;
    const { limit, after } = pageRequest(this.cursors, scope, query);
    const rows = await ormRunner(this.em).query(ownersCustomersPage(ownerId, q, after, limit + 1));
    return toPage(
      rows.map((r) => LISTED.toRecord<CustomerRecord>(r)),
      limit,
      this.cursors,
      scope,
      (r) => r,
    );
  }

  /** Checks that a customer exists, is live, and belongs to `ownerId` (for attaching it to a ticket). */
  async isLiveCustomerOf(ownerId: string, id: string): Promise<boolean> {
    return (await ormRunner(this.em).query(isLiveCustomerOf(ownerId, id))).length > 0;
  }

  /** Customers by id, deleted ones included (marked), in one query. */
  async summaries(ids: Iterable<string>): Promise<Map<string, CustomerSummary>> {
    const unique = [...new Set(ids)];
    if (unique.length === 0) return new Map();
    const rows = await this.reads.query<{
      id: string;
      owner_id: string;
      name: string;
      email: string;
      deleted: boolean;
    }>(customerSummaries(unique));
    return new Map(
      rows.map((r) => [r.id, { id: r.id, ownerId: r.owner_id, name: r.name, email: r.email, deleted: r.deleted }]),
    );
  }
}
