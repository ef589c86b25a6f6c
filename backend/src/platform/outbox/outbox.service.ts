import type { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { DomainEventType, EventEnvelope } from './event-envelope';
import { OutboxDispatcher } from './outbox-dispatcher.service';
import { OutboxEvent } from './outbox-event.entity';

const EVENT_COLUMNS = ['id', 'name', 'payload', 'actor_id', 'occurred_at', 'status', 'attempts', 'next_attempt_at'];

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

  publish<P>(em: EntityManager, type: DomainEventType<P>, payload: P, actorId: string | null): EventEnvelope<P> {
    const event = new OutboxEvent(type.eventName, payload, actorId);
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
  async writeWithEvents<P>(em: EntityManager, change: { sql: string; params: unknown[] }, type: DomainEventType<P>, events: { payload: P; actorId: string | null }[]): Promise<void> {
    const rows = events.map((e) => new OutboxEvent(type.eventName, e.payload, e.actorId));
    const values = rows.map(() => `(${EVENT_COLUMNS.map(() => '?').join(', ')})`).join(', ');
    const sql = `with change as (${change.sql}), events as (insert into outbox_events (${EVENT_COLUMNS.join(', ')}) values ${values}) select 1`;
    const params = [...change.params, ...rows.flatMap((r) => [r.id, r.name, JSON.stringify(r.payload), r.actorId, r.occurredAt, r.status, r.attempts, r.nextAttemptAt])];
    await em.getConnection().execute(sql, params, 'run');
    if (rows.length > 0) this.dispatcher.signalCommitted();
  }

  /**
   * A conditional change and its event, written by one statement: `change` is a data-modifying
   * statement with a RETURNING list (an UPDATE guarded by the version it read, say); the event is
   * inserted only if the change matched a row. Returns the change's rows: none means nothing was
   * written, event included.
   */
  async writeIfChanged<R, P>(em: EntityManager, change: { sql: string; params: unknown[] }, type: DomainEventType<P>, event: { payload: P; actorId: string | null }): Promise<R[]> {
    const row = new OutboxEvent(type.eventName, event.payload, event.actorId);
    const sql = `with change as (${change.sql}), event as (insert into outbox_events (${EVENT_COLUMNS.join(', ')}) select ${EVENT_COLUMNS.map(() => '?').join(', ')} where exists (select 1 from change)) select * from change`;
    const params = [...change.params, row.id, row.name, JSON.stringify(row.payload), row.actorId, row.occurredAt, row.status, row.attempts, row.nextAttemptAt];
    const written = await em.getConnection().execute<R[]>(sql, params);
    if (written.length > 0) this.dispatcher.signalCommitted();
    return written;
  }
}
