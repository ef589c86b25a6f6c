import type { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { DomainEventType, EventEnvelope } from './event-envelope';
import { OutboxDispatcher } from './outbox-dispatcher.service';
import { ormRunner, Sql } from '../database/sql';
import { EventLogFacets, newEvent, OutboxEvent } from './outbox-event.entity';
import {
  changeAndEventIfMatched,
  changeWithDerivedEvents,
  changeWithEvents,
  type DerivedEvents,
} from './persistence/outbox.statements';

export type { DerivedEvents } from './persistence/outbox.statements';

/** Units of work that published events and have not committed yet (see OutboxCommitListener). */
export const PUBLISHED_IN = new WeakSet<object>();

/**
 * Publishing an event = persisting it in the caller's unit of work. The caller's one `em.flush()`
 * commits the change and the event together; after the commit, OutboxCommitListener wakes the
 * dispatchers. A use case that writes its rows with SQL uses writeWithEvents instead: the change
 * and its events in one statement.
 */
@Injectable()
export class Outbox {
  constructor(private readonly dispatcher: OutboxDispatcher) {}

  publish<P>(
    em: EntityManager,
    type: DomainEventType<P>,
    payload: P,
    actorId: string | null,
    facets?: EventLogFacets,
  ): EventEnvelope<P> {
    const event = new OutboxEvent(type.eventName, payload, actorId, facets);
    em.persist(event);
    PUBLISHED_IN.add(em.getContext());
    return { eventId: event.id, name: event.name, occurredAt: event.occurredAt.toISOString(), actorId, payload };
  }

  /**
   * A change and the events it publishes, written by one statement: `change` is a data-modifying
   * statement (an INSERT, say) run as a CTE beside the events' multi-row INSERT, so PostgreSQL
   * commits both or neither (one implicit transaction, one round trip). When it returns, the
   * events are committed and the dispatchers are woken, as after a unit of work that published.
   */
  async writeWithEvents<P>(
    em: EntityManager,
    change: Sql,
    type: DomainEventType<P>,
    events: ({ payload: P; actorId: string | null } & EventLogFacets)[],
  ): Promise<void> {
    const rows = events.map((e) => newEvent(type.eventName, e.payload, e.actorId, e));
    await ormRunner(em).query(changeWithEvents(change, rows));
    if (rows.length > 0) this.dispatcher.signalCommitted();
  }

  /**
   * writeWithEvents inside the caller's transaction (`em` is its transactional EntityManager):
   * nothing is signalled, since nothing is committed yet (and a worker woken here would run in the
   * transaction's async context); the caller calls `committed()` after its commit.
   */
  async writeWithEventsInTransaction<P>(
    em: EntityManager,
    change: Sql,
    type: DomainEventType<P>,
    events: ({ payload: P; actorId: string | null } & EventLogFacets)[],
  ): Promise<void> {
    const rows = events.map((e) => newEvent(type.eventName, e.payload, e.actorId, e));
    await ormRunner(em).query(changeWithEvents(change, rows));
  }

  /**
   * Like writeWithEventsInTransaction, with events the database derives from rows it reads
   * (DerivedEvents): one statement, in `em`'s transaction, no payload built in this process.
   */
  async writeWithDerivedEventsInTransaction<P>(
    em: EntityManager,
    change: Sql,
    type: DomainEventType<P>,
    events: DerivedEvents,
  ): Promise<void> {
    await ormRunner(em).query(changeWithDerivedEvents(change, type.eventName, events));
  }

  /** Wakes the dispatchers after a commit that wrote events (writeWithEventsInTransaction's caller). */
  committed(): void {
    this.dispatcher.signalCommitted();
  }

  /**
   * A conditional change and its event, written by one statement: `change` is a data-modifying
   * statement with a RETURNING list (an UPDATE guarded by the version it read, say); the event is
   * inserted only if the change matched a row. Returns the change's rows: none means nothing was
   * written, event included.
   */
  async writeIfChanged<R, P>(
    em: EntityManager,
    change: Sql,
    type: DomainEventType<P>,
    event: { payload: P; actorId: string | null } & EventLogFacets,
  ): Promise<R[]> {
    const written = await ormRunner(em).query<R>(
      changeAndEventIfMatched(change, newEvent(type.eventName, event.payload, event.actorId, event)),
    );
    if (written.length > 0) this.dispatcher.signalCommitted();
    return written;
  }
}
