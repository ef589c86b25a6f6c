import { computed, signal } from '@angular/core';
import type { ApiProblem } from '../../core/api/problem';
import type { Settled } from '../../core/api/sdk-result';
import type { PickerOption } from './picker-options';

/**
 * The options of one autocomplete picker, searched on the server as the user types. Typing
 * is debounced, and only the answer to the latest search is shown.
 */
export class OptionSearch {
  private readonly state = signal<{ options: readonly PickerOption[]; loading: boolean; error: ApiProblem | null }>({
    options: [],
    loading: false,
    error: null,
  });
  private timer: ReturnType<typeof setTimeout> | undefined;
  private generation = 0;
  private lastQuery: string | null = null;

  readonly options = computed(() => this.state().options);
  readonly loading = computed(() => this.state().loading);
  readonly error = computed(() => this.state().error);

  constructor(
    private readonly fetch: (q: string) => Promise<Settled<readonly PickerOption[]>>,
    private readonly debounceMs = 250,
  ) {}

  /** Searches after a pause in typing; the same text twice in a row is not searched again. */
  search(text: string): void {
    const q = text.trim();
    clearTimeout(this.timer);
    if (q === this.lastQuery) {
      return;
    }
    this.timer = setTimeout(() => void this.run(q), this.debounceMs);
  }

  /** Searches right away (the first, empty search when the form opens). */
  now(text = ''): Promise<void> {
    clearTimeout(this.timer);
    return this.run(text.trim());
  }

  dispose(): void {
    clearTimeout(this.timer);
    this.generation++;
  }

  private async run(q: string): Promise<void> {
    this.lastQuery = q;
    const generation = ++this.generation;
    this.state.update((s) => ({ ...s, loading: true, error: null }));
    const result = await this.fetch(q);
    if (generation !== this.generation) {
      return;
    }
    this.state.set(
      result.ok
        ? { options: result.data, loading: false, error: null }
        : { options: [], loading: false, error: result.problem },
    );
  }
}
