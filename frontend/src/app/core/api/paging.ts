import type { ApiProblem } from './problem';

/** One page of a list endpoint: `{items, nextCursor}`, newest first (comments: oldest first). */
export interface Page<T> {
  readonly items: readonly T[];
  readonly nextCursor: string | null;
}

/** The records the app lists all carry an opaque string id. */
export interface Identified {
  readonly id: string;
}

export interface PagerState<T> {
  readonly items: readonly T[];
  readonly nextCursor: string | null;
  /** The first page is being (re)loaded. */
  readonly loading: boolean;
  /** A further page is being loaded. */
  readonly loadingMore: boolean;
  /** At least one page has arrived since the last reset. */
  readonly loaded: boolean;
  readonly error: ApiProblem | null;
}

export const EMPTY_PAGER_STATE: PagerState<never> = {
  items: [],
  nextCursor: null,
  loading: false,
  loadingMore: false,
  loaded: false,
  error: null,
};

/**
 * Adds a further page after the rows already shown. Rows that are already there (same id)
 * are not repeated: a row created meanwhile can shift a keyset page, and a comment just
 * posted may already be on screen.
 */
export function appendPage<T extends Identified>(current: readonly T[], page: readonly T[]): T[] {
  const seen = new Set(current.map((item) => item.id));
  return [...current, ...page.filter((item) => !seen.has(item.id))];
}

/** Replaces the row with the same id, keeping its position; unknown rows are ignored. */
export function replaceItem<T extends Identified>(items: readonly T[], item: T): T[] {
  return items.map((existing) => (existing.id === item.id ? item : existing));
}

export function removeItem<T extends Identified>(items: readonly T[], id: string): T[] {
  return items.filter((existing) => existing.id !== id);
}

/** A list endpoint's query: the page size, the search text when there is any, and the cursor after the first page. */
export function pageQuery(
  limit: number,
  cursor: string | undefined,
  q = '',
): { limit: number; q?: string; cursor?: string } {
  return { limit, ...(q ? { q } : {}), ...(cursor ? { cursor } : {}) };
}
