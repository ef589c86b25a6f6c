import { type Invocation, int, str, UsageError } from './cli.mjs';
import { Progress } from './output.mjs';

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/**
 * One page (`--limit`, `--cursor`), or with `--all` every page (up to `--max` items), with a
 * progress bar on stderr. Resolves to a page-shaped result either way.
 */
export async function collect<T>(
  invocation: Invocation,
  command: string,
  label: string,
  fetchPage: (query: { limit: number; cursor?: string }) => Promise<Page<T>>,
): Promise<Page<T>> {
  const all = invocation.options['all'] === true;
  const max = int(invocation, 'max', command);
  if (max !== undefined && !all) throw new UsageError('--max goes with --all.', command);
  const limit = int(invocation, 'limit', command, 1, 100) ?? (all ? 100 : 10);
  let cursor = str(invocation, 'cursor');
  if (!all) return fetchPage({ limit, ...(cursor ? { cursor } : {}) });

  const progress = new Progress(invocation.out, label, max);
  const items: T[] = [];
  let pages = 0;
  try {
    for (;;) {
      const page = await fetchPage({
        limit: max ? Math.min(limit, max - items.length) : limit,
        ...(cursor ? { cursor } : {}),
      });
      items.push(...page.items);
      pages += 1;
      progress.update(items.length, pages);
      cursor = page.nextCursor ?? undefined;
      if (!cursor || (max !== undefined && items.length >= max)) return { items, nextCursor: page.nextCursor };
    }
  } finally {
    progress.done();
  }
}
