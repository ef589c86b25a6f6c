import type { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { DomainEventType, EventEnvelope } from './event-envelope';
import { OutboxEvent } from './outbox-event.entity';

/** Units of work that published events and have not committed yet (see OutboxCommitListener). */
export const PUBLISHED_IN = new WeakSet<object>();

/**
 * Publishing an event = persisting it in the caller's unit of work. The caller's one `em.flush()`
 * commits the change and the event together; after the commit, OutboxCommitListener wakes the
 * dispatchers.
 */
@Injectable()
export class Outbox {
  publish<P>(em: EntityManager, type: DomainEventType<P>, payload: P, actorId: string | null): EventEnvelope<P> {
    const event = new OutboxEvent(type.eventName, payload, actorId);
    em.persist(event);
    PUBLISHED_IN.add(em.getContext());
    return { eventId: event.id, name: event.name, occurredAt: event.occurredAt.toISOString(), actorId, payload };
  }

  /**
   * Writes many events of one type now, in `em`'s transaction, as one multi-row INSERT (for use
   * cases that write their own rows the same way, outside the unit of work). They commit, or not,
   * with that transaction; after the commit OutboxCommitListener wakes the dispatchers as for publish().
   */
  async publishMany<P>(em: EntityManager, type: DomainEventType<P>, events: { payload: P; actorId: string | null }[]): Promise<void> {
    if (events.length === 0) return;
    await em.insertMany(events.map((e) => new OutboxEvent(type.eventName, e.payload, e.actorId)));
    PUBLISHED_IN.add(em.getContext());
  }
}
