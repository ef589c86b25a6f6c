/**
 * The order of the last ticket list the user saw, for "next/previous ticket" (`j`/`k`) on the
 * ticket page. Kept in memory for the tab: the list page calls `rememberTicketOrder(ids)` with
 * the rows it shows, in order, whenever they change.
 */
let remembered: readonly string[] = [];

export function rememberTicketOrder(ids: readonly string[]): void {
  remembered = [...ids];
}

/**
 * The ticket `step` places after `id` (`1` next, `-1` previous) in the remembered list; `null`
 * when `id` is not in it (nothing was remembered, or the ticket came from elsewhere) or it is at
 * that end of the list.
 */
export function neighbourTicket(id: string, step: 1 | -1): string | null {
  const index = remembered.indexOf(id);
  if (index < 0) return null;
  return remembered[index + step] ?? null;
}
