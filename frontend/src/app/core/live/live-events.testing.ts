import { signal } from '@angular/core';
import { filter, type Observable, Subject } from 'rxjs';
import {
  eventTicketId,
  type LiveEvent,
  type LiveEventData,
  type LiveEventName,
  type PresenceEvent,
} from './live-event.types';

/** A stand-in for `LiveEvents` in unit tests: the test emits what the stream would have said. */
export class FakeLiveEvents {
  private readonly events = new Subject<LiveEvent>();
  private readonly presences = new Subject<PresenceEvent>();
  private readonly resets = new Subject<void>();
  private readonly everyone = signal<ReadonlyMap<string, PresenceEvent>>(new Map());
  private nextId = 1;

  readonly events$ = this.events.asObservable();
  readonly presence$ = this.presences.asObservable();
  readonly reset$ = this.resets.asObservable();
  readonly presence = this.everyone.asReadonly();

  on<N extends LiveEventName>(...names: N[]): Observable<LiveEvent<N>> {
    return this.events$.pipe(filter((e): e is LiveEvent<N> => (names as string[]).includes(e.name)));
  }

  aboutTicket(ticketId: string): Observable<LiveEvent> {
    return this.events$.pipe(filter((e) => eventTicketId(e) === ticketId));
  }

  emit(name: LiveEventName, data: Partial<LiveEventData>): void {
    this.events.next({ id: String(this.nextId++), name, data: { actor: null, at: '2026-01-01T00:00:00Z', ...data } });
  }

  /** A presence event, kept in `presence` as LiveEvents does. */
  report(event: PresenceEvent): void {
    this.presences.next(event);
    this.everyone.update((all) => {
      const next = new Map(all);
      const key = `${event.ticketId}:${event.user.id}`;
      if (event.state === 'left') next.delete(key);
      else next.set(key, event);
      return next;
    });
  }

  reset(): void {
    this.resets.next();
  }
}
