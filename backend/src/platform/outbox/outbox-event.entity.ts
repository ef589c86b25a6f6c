import { Entity, Enum, PrimaryKey, Property } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';

export type OutboxStatus = 'pending' | 'done' | 'failed';

/** Indexes are in the migration (a partial index on pending events). A domain event waiting for (or done with) delivery. Written in the same transaction as the change. */
@Entity({ tableName: 'outbox_events' })
export class OutboxEvent {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'text' })
  name: string;

  @Property({ type: 'jsonb' })
  payload: unknown;

  @Property({ type: 'uuid', nullable: true })
  actorId: string | null;

  @Property({ type: 'timestamptz' })
  occurredAt: Date = new Date();

  @Enum({ items: ['pending', 'done', 'failed'], type: 'text' })
  status: OutboxStatus = 'pending';

  @Property({ type: 'int' })
  attempts = 0;

  @Property({ type: 'timestamptz' })
  nextAttemptAt: Date = new Date();

  @Property({ type: 'text', nullable: true })
  lastError: string | null = null;

  @Property({ type: 'timestamptz', nullable: true })
  processedAt: Date | null = null;

  constructor(name: string, payload: unknown, actorId: string | null) {
    this.name = name;
    this.payload = payload;
    this.actorId = actorId;
  }
}
