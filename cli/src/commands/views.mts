import { countSavedViews, listSavedViews, type SavedViewFiltersDto } from '#sdk';
import { tokenClient } from '../api.mjs';
import type { Command } from '../cli.mjs';
import { printJson, printTable, truncate } from '../output.mjs';

/** A view's filters as `key=value` pairs, the way `GET /api/tickets` takes them. */
const describe = (filters: SavedViewFiltersDto): string =>
  Object.entries(filters)
    .map(([key, value]) => `${key}=${Array.isArray(value) ? value.join(',') : String(value)}`)
    .join(' ');

const list: Command = {
  name: 'views list',
  summary: 'List your saved views with how many tickets each holds, newest first.',
  options: {},
  async run(invocation) {
    const client = tokenClient(invocation.env);
    // A user keeps at most 50 views: one page of 100 holds them all.
    const [views, counts] = await Promise.all([
      listSavedViews({ client, query: { limit: 100 }, throwOnError: true }),
      countSavedViews({ client, throwOnError: true }),
    ]);
    const byId = new Map(counts.data.items.map((c) => [c.id, c]));
    const items = views.data.items.map((v) => ({ ...v, count: byId.get(v.id) ?? null }));
    if (invocation.json) return printJson(invocation.out, { items });
    printTable(
      invocation.out,
      ['ID', 'NAME', 'TICKETS', 'SORT', 'FILTERS'],
      items.map((v) => [
        v.id,
        truncate(v.name, 32),
        v.count ? `${v.count.count}${v.count.capped ? '+' : ''}` : '?',
        v.sort,
        truncate(describe(v.filters), 60),
      ]),
    );
  },
};

export const viewCommands: Command[] = [list];
