/**
 * What travels through the outbox and reaches `@OnEvent` handlers: the event's identity, when and
 * by whom it happened, and the producer's immutable payload (ids plus the snapshot handlers need).
 */
export interface EventEnvelope<P = unknown> {
  readonly eventId: string;
  readonly name: string;
  readonly occurredAt: string;
  readonly actorId: string | null;
  readonly payload: P;
}

/** An event a module publishes: its name and the payload type, owned by the producing module. */
export interface DomainEventType<P> {
  readonly eventName: string;
  /** Phantom field carrying the payload type; never set. */
  readonly __payload?: P;
}
