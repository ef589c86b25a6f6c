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
  private readonly reconnects = new Subject<void>();
  private nextId = 1;

  readonly events$ = this.events.asObservable();
  readonly presence$ = this.presences.asObservable();
  readonly reset$ = this.resets.asObservable();
  readonly reconnected$ = this.reconnects.asObservable();

  on<N extends LiveEventName>(...names: N[]): Observable<LiveEvent<N>> {
    return this.events$.pipe(filter((e): e is LiveEvent<N> => (names as string[]).includes(e.name)));
  }

  aboutTicket(ticketId: string): Observable<LiveEvent> {
    return this.events$.pipe(filter((e) => eventTicketId(e) === ticketId));
  }

  emit(name: LiveEventName, data: Partial<LiveEventData>): void {
    this.events.next({ id: String(this.nextId++), name, data: { actor: null, at: '2026-01-01T00:00:00Z', ...data } });
  }

  presence(event: PresenceEvent): void {
    this.presences.next(event);
  }

  reset(): void {
    this.resets.next();
  }

  reconnected(): void {
    this.reconnects.next();
  }
}
