import { createHmac, timingSafeEqual } from 'node:crypto';
import { InvalidFieldError } from '../errors/domain-error';

/** The position after the last row of a page: its sort key (createdAt, id), newest first. */
export interface KeysetPosition {
  createdAt: Date;
  id: string;
  /** A leading sort key before (createdAt, id), for a list sorted by something else first. */
  key?: string | number;
}

/**
 * Keyset cursors are opaque to clients: `base64url(json).signature`. The signature makes a forged
 * or edited cursor a 400 instead of a silently different page. The key comes from the config.
 */
export class CursorCodec {
  constructor(private readonly key: string) {}

  encode(position: KeysetPosition, scope: string): string {
    const values: unknown[] = [position.createdAt.toISOString(), position.id];
    if (position.key !== undefined) values.push(position.key);
    const payload = Buffer.from(JSON.stringify(values)).toString('base64url');
    return `${payload}.${this.sign(payload, scope)}`;
  }

  /** Throws a 400 naming `cursor` for anything this server did not issue for this list. */
  decode(cursor: string, scope: string): KeysetPosition {
    const invalid = () => new InvalidFieldError('cursor', 'cursor is malformed or was not issued for this list');
    const [payload, signature, extra] = cursor.split('.');
    if (!payload || !signature || extra !== undefined) throw invalid();
    const expected = Buffer.from(this.sign(payload, scope));
    const given = Buffer.from(signature);
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) throw invalid();
    try {
      const [createdAt, id, key] = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as [
        string,
        string,
        unknown,
      ];
      const date = new Date(createdAt);
      if (typeof id !== 'string' || Number.isNaN(date.getTime())) throw invalid();
      if (key === undefined) return { createdAt: date, id };
      if (typeof key !== 'string' && typeof key !== 'number') throw invalid();
      return { createdAt: date, id, key };
    } catch {
      throw invalid();
    }
  }

  private sign(payload: string, scope: string): string {
    return createHmac('sha256', this.key).update(`${scope}\n${payload}`).digest('base64url').slice(0, 22);
  }
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/**
 * Given rows fetched with `limit + 1`, cut the page and compute the next cursor.
 */
export function toPage<T extends KeysetPosition, R>(
  rows: T[],
  limit: number,
  codec: CursorCodec,
  scope: string,
  map: (row: T) => R,
): Page<R> {
  const hasMore = rows.length > limit;
  const pageRows = hasMore ? rows.slice(0, limit) : rows;
  const last = pageRows[pageRows.length - 1];
  return {
    items: pageRows.map(map),
    nextCursor: hasMore && last ? codec.encode(last, scope) : null,
  };
}

/** What a page query asks for: how many rows, and after which position (null on the first page). */
export interface PageRequest {
  limit: number;
  after: KeysetPosition | null;
}

/** Reads `?limit=&cursor=` for the list `scope` (default limit 10); a cursor from elsewhere is a 400. */
export function pageRequest(
  codec: CursorCodec,
  scope: string,
  query: { limit?: number; cursor?: string },
): PageRequest {
  return { limit: query.limit ?? 10, after: query.cursor ? codec.decode(query.cursor, scope) : null };
}
