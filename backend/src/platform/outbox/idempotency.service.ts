import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { ormRunner, Sql } from '../database/sql';
import { EventEnvelope } from './event-envelope';
import { OutboxDispatcher } from './outbox-dispatcher.service';
import { insertProcessedKey, LoggedEntries, processedKeysAndWork } from './persistence/outbox.statements';

/**
 * Makes an event handler idempotent: the work runs in a transaction that also inserts the key
 * (handler, event id). A redelivered event finds the key and does nothing; a failed run rolls the
 * key back with the work, so the retry runs it again.
 */
@Injectable()
export class IdempotentHandlers {
  constructor(
    private readonly em: EntityManager,
    private readonly dispatcher: OutboxDispatcher,
  ) {}

  /**
   * The same guarantee for many (handler, event) keys in one statement (one round trip, no
   * explicit transaction): `work` builds a data-modifying statement from the fragment that names
   * the keys that were new (columns `handler`, `event_id`) and must do only their work (filter on
   * them); `also` adds more such work (another module's rows, for example). PostgreSQL runs the
   * whole statement atomically: the keys and the work's rows are written together or not at all. Returns the keys that were new, as `handler/event id` strings (keyOf).
   */
  async runOnceAsStatement(
    keys: { handler: string; eventId: string }[],
    work: (freshKeys: Sql) => Sql,
    logged?: LoggedEntries,
    also?: ((freshKeys: Sql) => Sql)[],
  ): Promise<Set<string>> {
    const rows = await ormRunner(this.em).query<{ handler: string; event_id: string }>(
      processedKeysAndWork(keys, work, logged, also),
    );
    // The log has new entries: the live streams of every instance read them now.
    if (logged && rows.length > 0) this.dispatcher.signalCommitted();
    return new Set(rows.map((r) => keyOf(r.handler, r.event_id)));
  }

  /** Returns true when the work ran now, false when this handler had already processed the event. */
  async runOnce(handler: string, event: EventEnvelope, work: (em: EntityManager) => Promise<void>): Promise<boolean> {
    return this.em.fork().transactional(async (em) => {
      const inserted = await ormRunner(em).query(insertProcessedKey(handler, event.eventId));
      if (inserted.length === 0) return false;
      await work(em);
      return true;
    });
  }
}

/** A (handler, event) key as runOnceAsStatement reports it. */
export const keyOf = (handler: string, eventId: string): string => `${handler}/${eventId}`;
