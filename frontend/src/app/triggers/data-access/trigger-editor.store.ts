import { computed, Injectable, signal } from '@angular/core';
import { createTrigger, type CreateTriggerDto, getTrigger, updateTrigger, type UpdateTriggerDto } from '@bw/sdk';
import type { ApiProblem } from '../../core/api/problem';
import { type Settled, settle } from '../../core/api/sdk-result';
import type { Trigger } from './trigger.model';

interface EditorState {
  readonly saving: boolean;
  readonly reloading: boolean;
  readonly problem: ApiProblem | null;
}

/** Creates and edits triggers for the trigger dialog. Provide it there. */
@Injectable()
export class TriggerEditorStore {
  private readonly state = signal<EditorState>({ saving: false, reloading: false, problem: null });

  readonly saving = computed(() => this.state().saving);
  readonly reloading = computed(() => this.state().reloading);
  readonly problem = computed(() => this.state().problem);

  create(body: CreateTriggerDto): Promise<Trigger | null> {
    return this.save(() => settle(() => createTrigger({ body })));
  }

  update(id: string, body: UpdateTriggerDto): Promise<Trigger | null> {
    return this.save(() => settle(() => updateTrigger({ path: { id }, body })));
  }

  /** The latest version of a trigger, e.g. after a 409. */
  async fetch(id: string): Promise<Trigger | null> {
    this.state.update((s) => ({ ...s, reloading: true }));
    const result = await settle(() => getTrigger({ path: { id } }));
    this.state.set({ saving: false, reloading: false, problem: result.ok ? null : result.problem });
    return result.ok ? result.data : null;
  }

  private async save(call: () => Promise<Settled<Trigger>>): Promise<Trigger | null> {
    if (this.state().saving) {
      return null;
    }
    this.state.set({ saving: true, reloading: false, problem: null });
    const result = await call();
    this.state.set({ saving: false, reloading: false, problem: result.ok ? null : result.problem });
    return result.ok ? result.data : null;
  }
}
