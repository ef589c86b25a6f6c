import { computed, signal } from '@angular/core';

/**
 * The rows picked for a bulk change, by id: a click toggles one row and makes it the anchor; a
 * shift-click (or Shift+Space) sets every row from the anchor to the clicked one to the clicked
 * row's new state, as file managers and mail clients do. Ids of rows that left the list are
 * dropped with `keepOnly`.
 */
export class TicketSelection {
  private readonly ids = signal<ReadonlySet<string>>(new Set());
  private anchor: string | null = null;

  readonly selected = this.ids.asReadonly();
  readonly count = computed(() => this.ids().size);

  has(id: string): boolean {
    return this.ids().has(id);
  }

  /** Flips one row; it becomes the anchor of the next range. */
  toggle(id: string): void {
    this.anchor = id;
    this.ids.update((ids) => {
      const next = new Set(ids);
      if (!next.delete(id)) next.add(id);
      return next;
    });
  }

  /**
   * Shift-click on `id`: the rows from the anchor to `id` (in the list's order `order`) all take the
   * state `id` gets by the click; without an anchor still in the list, it is a plain toggle.
   */
  toggleRange(id: string, order: readonly string[]): void {
    const from = this.anchor === null ? -1 : order.indexOf(this.anchor);
    const to = order.indexOf(id);
    if (from === -1 || to === -1) {
      this.toggle(id);
      return;
    }
    const on = !this.ids().has(id);
    const range = order.slice(Math.min(from, to), Math.max(from, to) + 1);
    this.ids.update((ids) => {
      const next = new Set(ids);
      range.forEach((rowId) => (on ? next.add(rowId) : next.delete(rowId)));
      return next;
    });
    this.anchor = id;
  }

  /** The header checkbox: every loaded row, or none. */
  setAll(order: readonly string[], on: boolean): void {
    this.ids.set(on ? new Set(order) : new Set());
    this.anchor = null;
  }

  clear(): void {
    this.setAll([], false);
  }

  /** Forgets the rows no longer in the list (deleted, filtered out, gone live). */
  keepOnly(order: readonly string[]): void {
    const present = new Set(order);
    const ids = this.ids();
    if ([...ids].every((id) => present.has(id))) return;
    this.ids.set(new Set([...ids].filter((id) => present.has(id))));
    if (this.anchor !== null && !present.has(this.anchor)) this.anchor = null;
  }
}
