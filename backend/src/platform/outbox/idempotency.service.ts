import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { EventEnvelope } from './event-envelope';

/**
 * Makes an event handler idempotent: the work runs in a transaction that also inserts the key
 * (handler, event id). A redelivered event finds the key and does nothing; a failed run rolls the
 * key back with the work, so the retry runs it again.
 */
@Injectable()
export class IdempotentHandlers {
  constructor(private readonly em: EntityManager) {}

  /** Returns true when the work ran now, false when this handler had already processed the event. */
  async runOnce(handler: string, event: EventEnvelope, work: (em: EntityManager) => Promise<void>): Promise<boolean> {
    return this.em.fork().transactional(async (em) => {
      const inserted = await em.getConnection().execute<{ event_id: string }[]>(
        `insert into processed_events (handler, event_id) values (?, ?) on conflict do nothing returning event_id`,
        [handler, event.eventId],
        'all',
        em.getTransactionContext(),
      );
      if (inserted.length === 0) return false;
      await work(em);
      return true;
    });
  }
}
