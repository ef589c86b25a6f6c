import { Injectable } from '@nestjs/common';
import { LogPosition, positionOf } from './log-position';

/** One entry of the event log as its readers get it. */
export interface LogEntry {
  position: LogPosition;
  name: string;
  payload: unknown;
  actorId: string | null;
  occurredAt: Date;
  audience: readonly string[];
  subjectId: string | null;
}

/** What a live stream sends for an entry to one of its audience; null: nothing for this reader. */
export type LiveView = (entry: LogEntry, readerId: string) => Record<string, unknown> | null;

/**
 * Which log entries the live streams carry and what each reader sees of them. The module that
 * publishes an event registers its view (the platform does not know tickets or messages); an
 * event without a view is not streamed.
 */
@Injectable()
export class LiveViews {
  private readonly views = new Map<string, LiveView>();

  register(names: readonly string[], view: LiveView): void {
    for (const name of names) {
      if (this.views.has(name)) throw new Error(`a live view for ${name} is registered twice`);
      this.views.set(name, view);
    }
  }

  /** The data `readerId`'s stream sends for `entry`, or null. */
  view(entry: LogEntry, readerId: string): Record<string, unknown> | null {
    if (!entry.audience.includes(readerId)) return null;
    return this.views.get(entry.name)?.(entry, readerId) ?? null;
  }
}

interface EntryRow {
  tx: string;
  seq: string;
  name: string;
  payload: unknown;
  actor_id: string | null;
  occurred_at: Date | string;
  audience: string[] | null;
  subject_id: string | null;
}

export function toLogEntry(row: EntryRow): LogEntry {
  return {
    position: positionOf(row),
    name: row.name,
    payload: row.payload,
    actorId: row.actor_id,
    occurredAt: new Date(row.occurred_at),
    audience: row.audience ?? [],
    subjectId: row.subject_id,
  };
}
export type { EntryRow };
