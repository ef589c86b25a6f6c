import type { Page } from '../../core/api/paging';
import type { Settled } from '../../core/api/sdk-result';

export interface ScanResult<T> {
  readonly matches: readonly T[];
  /** Where to continue; `null` when every page was read. */
  readonly cursor: string | null;
}

/**
 * The API has no "tickets of a customer" query, so the customer page reads the caller's
 * outgoing tickets (every ticket for one of the caller's customers was created by the caller)
 * page by page and keeps those for the customer — until `want` were found, the list ends, or
 * `maxPages` pages were read (so one click never turns into an unbounded crawl).
 */
export async function scanForMatches<T>(
  fetchPage: (cursor: string | undefined) => Promise<Settled<Page<T>>>,
  matches: (item: T) => boolean,
  startCursor: string | undefined,
  want: number,
  maxPages: number,
): Promise<Settled<ScanResult<T>>> {
  const found: T[] = [];
  let cursor = startCursor;
  for (let page = 0; page < maxPages; page++) {
    const result = await fetchPage(cursor);
    if (!result.ok) {
      return result;
    }
    found.push(...result.data.items.filter(matches));
    if (result.data.nextCursor === null) {
      return { ok: true, data: { matches: found, cursor: null } };
    }
    cursor = result.data.nextCursor;
    if (found.length >= want) {
      break;
    }
  }
  return { ok: true, data: { matches: found, cursor: cursor ?? null } };
}
