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

  /**
   * The same guarantee in one statement (one round trip, no explicit transaction): `work` is the
   * body of a data-modifying CTE that runs only when the key is new — it must filter on
   * `exists (select 1 from fresh)` — and its `?` parameters follow the key's. PostgreSQL runs the
   * whole statement atomically: the key and the work's rows are written together or not at all.
   * Returns true when the key was new (the work ran), false when the event had been processed.
   */
  async runOnceAsStatement(handler: string, event: EventEnvelope, work: { sql: string; params: unknown[] }): Promise<boolean> {
    const rows = await this.em.getConnection().execute<{ fresh: boolean }[]>(
      `with fresh as (insert into processed_events (handler, event_id) values (?, ?) on conflict do nothing returning event_id),
            work as (${work.sql})
       select exists (select 1 from fresh) as fresh, (select count(*) from work) as done`,
      [handler, event.eventId, ...work.params],
    );
    return rows[0]?.fresh === true;
  }

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
