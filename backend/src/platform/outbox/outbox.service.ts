import type { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { DomainEventType, EventEnvelope } from './event-envelope';
import { OutboxEvent } from './outbox-event.entity';

/**
 * Publishing an event = persisting it in the caller's unit of work. The caller's one `em.flush()`
 * commits the change and the event together; a database trigger then NOTIFYs the dispatchers.
 */
@Injectable()
export class Outbox {
  publish<P>(em: EntityManager, type: DomainEventType<P>, payload: P, actorId: string | null): EventEnvelope<P> {
    const event = new OutboxEvent(type.eventName, payload, actorId);
    em.persist(event);
    return { eventId: event.id, name: event.name, occurredAt: event.occurredAt.toISOString(), actorId, payload };
  }
}
