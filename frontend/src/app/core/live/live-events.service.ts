import { computed, DestroyRef, effect, inject, Injectable, InjectionToken, signal, untracked } from '@angular/core';
import { filter, type Observable, Subject } from 'rxjs';
import { SessionStore } from '../auth/session.store';
import type { LiveEvent, LiveEventName, PresenceEvent } from './live-event.types';
import type { EventSourceFactory, LiveState, LiveStream } from './live-stream';

/** Where the stream is: same origin as the app, with the session cookie. */
export const LIVE_EVENTS_URL = '/api/events';

/** Makes the stream's EventSource; tests and other environments replace it. */
export const EVENT_SOURCE_FACTORY = new InjectionToken<EventSourceFactory>('EVENT_SOURCE_FACTORY', {
  providedIn: 'root',
  factory: () => (url) => new EventSource(url, { withCredentials: true }),
});

/**
 * The live events of the signed-in user: one `GET /api/events` stream per tab, opened at sign-in
 * and closed at logout (or when another user signs in). Stores subscribe to the events they
 * show (`on`, `aboutTicket`), to `presence$`, and to `reset$`, after which they reload: the
 * server could not resume the stream (`event: reset`), or it had to start over from now.
 */
@Injectable({ providedIn: 'root' })
export class LiveEvents {
  private readonly session = inject(SessionStore);
  private readonly events = new Subject<LiveEvent>();
  private readonly presences = new Subject<PresenceEvent>();
  private readonly resets = new Subject<void>();
  /** The presence of others on the tickets the caller may see, by `ticketId:userId`. */
  private readonly present = signal<ReadonlyMap<string, PresenceEvent>>(new Map());
  private readonly current = signal<LiveState>('off');
  private readonly userId = computed(() => this.session.user()?.id ?? null);
  private readonly factory = inject(EVENT_SOURCE_FACTORY);
  private stream: LiveStream | null = null;
  /** The user the stream is for; `null` when signed out. */
  private wanted: string | null = null;

  /** Where the connection is (`off` while signed out; the nav bar says when it is `reconnecting`). */
  readonly state = this.current.asReadonly();

  /** Every event (presence and reset apart). */
  readonly events$: Observable<LiveEvent> = this.events.asObservable();
  /** Presence events on the tickets the caller may see (the server leaves out the caller's own). */
  readonly presence$: Observable<PresenceEvent> = this.presences.asObservable();
  /**
   * Who is on which ticket now, as the stream said. A new connection starts with everyone present,
   * so this is kept from sign-in on, not only while a ticket page is open.
   */
  readonly presence = this.present.asReadonly();
  /** Reload what you show. */
  readonly reset$: Observable<void> = this.resets.asObservable();

  constructor() {
    effect(() => {
      const userId = this.userId();
      untracked(() => void this.follow(userId));
    });
    inject(DestroyRef).onDestroy(() => {
      this.wanted = null;
      this.stream?.stop();
    });
  }

  /**
   * Opens the stream for `userId` (a different user in this tab gets a stream of their own), or
   * closes it at logout. The stream's code is loaded on first sign-in, outside the initial bundle.
   */
  private async follow(userId: string | null): Promise<void> {
    this.stream?.stop();
    this.wanted = userId;
    if (userId === null) return;
    const { LiveStream } = await import('./live-stream');
    if (this.wanted !== userId) return;
    this.stream ??= new LiveStream(LIVE_EVENTS_URL, this.factory, {
      event: (event) => this.events.next(event),
      presence: (event, everyone) => {
        this.present.set(everyone);
        this.presences.next(event);
      },
      reset: () => this.resets.next(),
      state: (state) => {
        this.current.set(state);
        // A new connection starts with whoever is present now (LiveStream forgets the last one's).
        if (state !== 'reconnecting') this.present.set(new Map());
      },
    });
    this.stream.start();
  }

  /** The events with one of these names. */
  on<N extends LiveEventName>(...names: N[]): Observable<LiveEvent<N>> {
    return this.events$.pipe(filter((event): event is LiveEvent<N> => (names as string[]).includes(event.name)));
  }

  /** The events about one ticket: its changes and its comments. */
  aboutTicket(ticketId: string): Observable<LiveEvent> {
    // eventTicketId() inlined: the types module's constants stay out of the initial bundle.
    return this.events$.pipe(filter(({ data }) => (data.ticketId ?? data.ticket?.id) === ticketId));
  }
}
