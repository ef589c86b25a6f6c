/**
 * A place in the event log: the writing transaction's id (xid8) and the event's sequence number.
 * The log is read in (tx, seq) order and only below the oldest transaction still running, so
 * every later reader finds each event after every position it has passed (ADR 0012). As an SSE
 * `id` it is written `<tx>-<seq>`, both decimal.
 */
export interface LogPosition {
  tx: bigint;
  seq: bigint;
}

const ID = /^(\d{1,20})-(\d{1,20})$/;

/** The position of a log row, whose `tx` and `seq` come as text (xid8 and bigint exceed a JS number). */
export function positionOf(row: { tx: string; seq: string }): LogPosition {
  return { tx: BigInt(row.tx), seq: BigInt(row.seq) };
}

export function formatPosition(p: LogPosition): string {
  return `${p.tx}-${p.seq}`;
}

/** The position an SSE id names, or null when it is not one (a client's guess, another server's format). */
export function parsePosition(id: string): LogPosition | null {
  const match = ID.exec(id);
  if (!match) return null;
  const p = { tx: BigInt(match[1]), seq: BigInt(match[2]) };
  return p.tx < 2n ** 64n && p.seq < 2n ** 63n ? p : null;
}

export function comparePositions(a: LogPosition, b: LogPosition): number {
  if (a.tx !== b.tx) return a.tx < b.tx ? -1 : 1;
  return a.seq === b.seq ? 0 : a.seq < b.seq ? -1 : 1;
}
