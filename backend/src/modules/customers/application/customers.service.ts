import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { ResourceNotFoundError } from '../../../platform/errors/domain-error';
import { Outbox } from '../../../platform/outbox/outbox.service';
import { ReadPool } from '../../../platform/database/read-pool';
import { CursorCodec, Page, toPage } from '../../../platform/pagination/cursor';
import { Customer, CustomerFields } from '../domain/customer.entity';
import { CustomerDeletedEvent } from '../domain/events/customer-deleted.event';

/** What other modules may know of a customer, deleted or not. */
export interface CustomerSummary {
  id: string;
  ownerId: string;
  name: string;
  email: string;
  deleted: boolean;
}

interface CustomerRow {
  id: string;
  name: string;
  email: string;
  phone: string | null;
  company: string | null;
  notes: string | null;
  version: number;
  created_at: Date;
  updated_at: Date;
}

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
  async list(ownerId: string, query: { q?: string; limit?: number; cursor?: string }): Promise<Page<CustomerRow & { createdAt: Date }>> {
    const limit = query.limit ?? 10;
    const q = query.q?.trim() ?? '';
    const scope = `customers:${ownerId}:${q}`;
    const params: unknown[] = [ownerId];
    let where = 'owner_id = ? and deleted_at is null';
    if (q) {
      const like = `%${q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      where += ' and (lower(name) like ? or lower(email) like ?)';
      params.push(like, like);
    }
    if (query.cursor) {
      const after = this.cursors.decode(query.cursor, scope);
      where += ' and (created_at, id) < (?, ?)';
      params.push(after.createdAt, after.id);
    }
    params.push(limit + 1);
    const rows = await this.em.getConnection().execute<CustomerRow[]>(
      `select id, name, email, phone, company, notes, version, created_at, updated_at from customers
        where ${where} order by created_at desc, id desc limit ?`,
      params,
    );
    return toPage(
      rows.map((r) => ({ ...r, createdAt: new Date(r.created_at) })),
      limit,
      this.cursors,
      scope,
      (r) => r,
    );
  }

  /** Checks that a customer exists, is live, and belongs to `ownerId` (for attaching it to a ticket). */
  async isLiveCustomerOf(ownerId: string, id: string): Promise<boolean> {
    const rows = await this.em.getConnection().execute(`select 1 from customers where id = ? and owner_id = ? and deleted_at is null`, [id, ownerId]);
    return rows.length > 0;
  }

  /** Customers by id, deleted ones included (marked), in one query. */
  async summaries(ids: Iterable<string>): Promise<Map<string, CustomerSummary>> {
    const unique = [...new Set(ids)];
    if (unique.length === 0) return new Map();
    const rows = await this.reads.query<{ id: string; owner_id: string; name: string; email: string; deleted: boolean }>(
      `select id, owner_id, name, email, deleted_at is not null as deleted from customers where id in (${unique.map(() => '?').join(',')})`,
      unique,
    );
    return new Map(rows.map((r) => [r.id, { id: r.id, ownerId: r.owner_id, name: r.name, email: r.email, deleted: r.deleted }]));
  }
}
