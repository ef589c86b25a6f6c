import { OnEvent } from '@nestjs/event-emitter';
import { DomainEventType, EventEnvelope } from './event-envelope';
import { InterestCondition, registerInterest } from './event-interest';

/**
 * The events of one name that a dispatcher worker claimed together, oldest first: what reaches a
 * handler. The dispatcher emits one batch per event name on the in-process emitter
 * (`EventEmitter2.emitAsync(name, batch)`), so a handler sees the whole claimed batch at once and
 * can do its work for all of it in one statement.
 */
export interface EventBatch<P = unknown> {
  readonly name: string;
  readonly events: readonly EventEnvelope<P>[];
}

/** One event's outcome: done, or the error it alone fails with (retried, then `failed`, like any error). */
export type EventOutcome = { ok: true } | { ok: false; error: unknown };

/**
 * A batch handler's answer: one outcome per event of the batch, in order, or nothing when every
 * event succeeded. A handler that throws fails every event of its batch with that error.
 */
export type BatchAnswer = readonly EventOutcome[] | void;

export type BatchHandler<P> = (batch: EventBatch<P>) => Promise<BatchAnswer>;

/**
 * Marks a method as the handler of an event's batches (the producer's event type names it and
 * types the payload). It runs on `@nestjs/event-emitter` with
 * `suppressErrors: false` (by default the emitter would swallow an error, and the event would be
 * marked done without a retry). The handler must be idempotent per (event, reaction): see
 * IdempotentHandlers. `wantedWhen`: the condition, in SQL over the event row, without which the
 * handler does nothing with an event; an event that no handler of its name may want is written
 * already delivered when a statement writes it (see InterestCondition). Without it, the handler
 * wants every event of the name.
 */
export function OnEvents<P>(event: DomainEventType<P>, options: { wantedWhen?: InterestCondition } = {}) {
  const name = event.eventName;
  registerInterest(name, options.wantedWhen);
  return <H extends BatchHandler<P>>(
    target: object,
    key: string | symbol,
    descriptor: TypedPropertyDescriptor<H>,
  ): void => {
    OnEvent(name, { suppressErrors: false })(target, key, descriptor);
  };
}

/** An error as the outbox records it in `last_error`. */
export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Merges the answers of every handler of one batch (what `emitAsync` resolved to) into one error
 * message per event, or null for an event that every handler completed.
 */
export function mergeAnswers(size: number, answers: readonly unknown[]): (string | null)[] {
  const errors: (string | null)[] = Array<string | null>(size).fill(null);
  for (const answer of answers) {
    if (answer === undefined || answer === null) continue;
    if (!Array.isArray(answer) || answer.length !== size) {
      const wrong = `a handler answered ${Array.isArray(answer) ? answer.length : typeof answer} outcomes for ${size} events`;
      return errors.map((e) => e ?? wrong);
    }
    (answer as EventOutcome[]).forEach((outcome, i) => {
      if (!outcome.ok) errors[i] ??= errorMessage(outcome.error);
    });
  }
  return errors;
}
