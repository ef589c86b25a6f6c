import { Injectable } from '@nestjs/common';
import { ReadPool } from '../database/read-pool';
import { EntryRow, LogEntry, toLogEntry } from './live-views';
import type { LogPosition } from './log-position';
import { subjectEntries } from './persistence/live.statements';

/** Reads of the event log besides the live tail: a record's entries (a ticket's history). */
@Injectable()
export class EventLog {
  constructor(private readonly reads: ReadPool) {}

  /** The entries about `subjectId` after `from`, oldest first, at most `limit`. */
  async about(subjectId: string, from: LogPosition | null, limit: number): Promise<LogEntry[]> {
    const rows = await this.reads.query<EntryRow>(subjectEntries(subjectId, from, limit));
    return rows.map(toLogEntry);
  }
}
