import { computed, Injectable, signal } from '@angular/core';
import { createMacro, type CreateMacroDto, getMacro, updateMacro, type UpdateMacroDto } from '@bw/sdk';
import type { ApiProblem } from '../../core/api/problem';
import { type Settled, settle } from '../../core/api/sdk-result';
import type { Macro } from './macro.model';

interface EditorState {
  readonly saving: boolean;
  readonly reloading: boolean;
  readonly problem: ApiProblem | null;
}

/** Creates and edits macros for the macro dialog. Provide it there. */
@Injectable()
export class MacroEditorStore {
  private readonly state = signal<EditorState>({ saving: false, reloading: false, problem: null });

  readonly saving = computed(() => this.state().saving);
  readonly reloading = computed(() => this.state().reloading);
  readonly problem = computed(() => this.state().problem);

  create(body: CreateMacroDto): Promise<Macro | null> {
    return this.save(() => settle(() => createMacro({ body })));
  }

  update(id: string, body: UpdateMacroDto): Promise<Macro | null> {
    return this.save(() => settle(() => updateMacro({ path: { id }, body })));
  }

  /** The latest version of a macro, e.g. after a 409. */
  async fetch(id: string): Promise<Macro | null> {
    this.state.update((s) => ({ ...s, reloading: true }));
    const result = await settle(() => getMacro({ path: { id } }));
    this.state.set({ saving: false, reloading: false, problem: result.ok ? null : result.problem });
    return result.ok ? result.data : null;
  }

  private async save(call: () => Promise<Settled<Macro>>): Promise<Macro | null> {
    if (this.state().saving) {
      return null;
    }
    this.state.set({ saving: true, reloading: false, problem: null });
    const result = await call();
    this.state.set({ saving: false, reloading: false, problem: result.ok ? null : result.problem });
    return result.ok ? result.data : null;
  }
}
