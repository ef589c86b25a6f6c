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

/** An event as a statement writes it (Outbox.writeWithEvents and the like): OutboxEvent's columns, without an entity. */
export interface NewEvent {
  readonly id: string;
  readonly name: string;
  readonly payload: unknown;
  readonly actorId: string | null;
  readonly occurredAt: Date;
  readonly status: OutboxStatus;
  readonly attempts: number;
  readonly nextAttemptAt: Date;
  readonly audience: readonly string[];
  readonly subjectId: string | null;
}

/** A new event's row, as OutboxEvent's constructor would fill it; a plain object (no unit of work involved). */
export function newEvent(
  name: string,
  payload: unknown,
  actorId: string | null,
  facets: EventLogFacets = {},
): NewEvent {
  const now = new Date();
  return {
    id: randomUUID(),
    name,
    payload,
    actorId,
    occurredAt: now,
    status: 'pending',
    attempts: 0,
    nextAttemptAt: now,
    audience: [...new Set(facets.audience ?? [])],
    subjectId: facets.subjectId ?? null,
  };
}

/**
 * A domain event: waiting for (or done with) delivery to handlers, and an entry of the one event
 * log (ADR 0012). Written in the same transaction as the change. The log position (`tx`, `seq`)
 * is given by the database at insert; indexes are in the migrations.
 */
@Entity({ tableName: 'outbox_events' })
export class OutboxEvent implements NewEvent {
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Property({ type: 'text' })
  name!: string;

  @Property({ type: 'jsonb' })
  payload: unknown;

  @Property({ type: 'uuid', nullable: true })
  actorId!: string | null;

  @Property({ type: 'timestamptz' })
  occurredAt!: Date;

  @Enum({ items: ['pending', 'done', 'failed'], type: 'text' })
  status!: OutboxStatus;

  @Property({ type: 'int' })
  attempts!: number;

  @Property({ type: 'timestamptz' })
  nextAttemptAt!: Date;

  @Property({ type: 'text', nullable: true })
  lastError: string | null = null;

  @Property({ type: 'timestamptz', nullable: true })
  processedAt: Date | null = null;

  @Property({ type: ArrayType, columnType: 'uuid[]' })
  audience!: string[];

  @Property({ type: 'uuid', nullable: true })
  subjectId!: string | null;

  constructor(name: string, payload: unknown, actorId: string | null, facets: EventLogFacets = {}) {
    Object.assign(this, newEvent(name, payload, actorId, facets));
  }
}
