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
   * The same guarantee for many (handler, event) keys in one statement (one round trip, no
   * explicit transaction): `work` is the body of a data-modifying CTE that may refer to `fresh`,
   * the keys that were new (`handler`, `event_id`), and must do only their work (filter on them);
   * its `?` parameters follow the keys'. PostgreSQL runs the whole statement atomically: the keys
   * and the work's rows are written together or not at all. Returns the keys that were new, as
   * `handler/event id` strings (see keyOf).
   */
  async runOnceAsStatement(keys: { handler: string; eventId: string }[], work: { sql: string; params: unknown[] }): Promise<Set<string>> {
    const rows = await this.em.getConnection().execute<{ handler: string; event_id: string }[]>(
      `with fresh as (insert into processed_events (handler, event_id) select * from unnest(array[?]::text[], array[?]::uuid[]) on conflict do nothing returning handler, event_id),
            work as (${work.sql})
       select handler, event_id from fresh`,
      [keys.map((k) => k.handler), keys.map((k) => k.eventId), ...work.params],
    );
    return new Set(rows.map((r) => keyOf(r.handler, r.event_id)));
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

/** A (handler, event) key as runOnceAsStatement reports it. */
export const keyOf = (handler: string, eventId: string): string => `${handler}/${eventId}`;
