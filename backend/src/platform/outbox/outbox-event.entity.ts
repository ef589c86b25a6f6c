import { ArrayType, Entity, Enum, PrimaryKey, Property } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';

export type OutboxStatus = 'pending' | 'done' | 'failed';

/** Where an event sits in the log besides its delivery: who may read it, and what it is about. */
export interface EventLogFacets {
  /** The users whose live streams carry the event (none: no stream does). */
  audience?: readonly string[];
  /** The record the event is about (a ticket): its history is the events with its id. */
  subjectId?: string | null;
}

/**
 * A domain event: waiting for (or done with) delivery to handlers, and an entry of the one event
 * log (ADR 0012). Written in the same transaction as the change. The log position (`tx`, `seq`)
 * is given by the database at insert; indexes are in the migrations.
 */
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

  @Property({ type: ArrayType, columnType: 'uuid[]' })
  audience: string[];

  @Property({ type: 'uuid', nullable: true })
  subjectId: string | null;

  constructor(name: string, payload: unknown, actorId: string | null, facets: EventLogFacets = {}) {
    this.name = name;
    this.payload = payload;
    this.actorId = actorId;
    this.audience = [...new Set(facets.audience ?? [])];
    this.subjectId = facets.subjectId ?? null;
  }
}
