import { computed, signal } from '@angular/core';
import type { ApiProblem } from './problem';
import type { Settled } from './sdk-result';

interface EditorState {
  readonly saving: boolean;
  readonly reloading: boolean;
  /** Why the last save failed (400 field errors, 403, 409 stale version, …). */
  readonly problem: ApiProblem | null;
}

/**
 * Create / update / re-fetch one kind of record for a form or dialog, with saving, reloading and
 * problem signals. Each feature extends it with its three SDK calls and provides it in its dialog.
 */
export abstract class EditorStore<T, CreateBody, UpdateBody> {
  private readonly state = signal<EditorState>({ saving: false, reloading: false, problem: null });

  readonly saving = computed(() => this.state().saving);
  readonly reloading = computed(() => this.state().reloading);
  readonly problem = computed(() => this.state().problem);

  protected abstract createCall(body: CreateBody): Promise<Settled<T>>;
  protected abstract updateCall(id: string, body: UpdateBody): Promise<Settled<T>>;
  protected abstract fetchCall(id: string): Promise<Settled<T>>;

  create(body: CreateBody): Promise<T | null> {
    return this.save(() => this.createCall(body));
  }

  update(id: string, body: UpdateBody): Promise<T | null> {
    return this.save(() => this.updateCall(id, body));
  }

  /** The latest version of the record, e.g. after a 409. */
  async fetch(id: string): Promise<T | null> {
    this.state.update((s) => ({ ...s, reloading: true }));
    const result = await this.fetchCall(id);
    this.state.set({ saving: false, reloading: false, problem: result.ok ? null : result.problem });
    return result.ok ? result.data : null;
  }

  private async save(call: () => Promise<Settled<T>>): Promise<T | null> {
    if (this.state().saving) {
      return null;
    }
    this.state.set({ saving: true, reloading: false, problem: null });
    const result = await call();
    this.state.set({ saving: false, reloading: false, problem: result.ok ? null : result.problem });
    return result.ok ? result.data : null;
  }
}
