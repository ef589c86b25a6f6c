import { Injectable } from '@angular/core';
import { createMacro, type CreateMacroDto, getMacro, updateMacro, type UpdateMacroDto } from '@bw/sdk';
import { EditorStore } from '../../core/api/editor-store';
import { settle } from '../../core/api/sdk-result';
import type { Macro } from './macro.model';

/** Creates and edits macros for the macro dialog. Provide it where it is used. */
@Injectable()
export class MacroEditorStore extends EditorStore<Macro, CreateMacroDto, UpdateMacroDto> {
  protected createCall(body: CreateMacroDto) {
    return settle(() => createMacro({ body }));
  }

  protected updateCall(id: string, body: UpdateMacroDto) {
    return settle(() => updateMacro({ path: { id }, body }));
  }

  protected fetchCall(id: string) {
    return settle(() => getMacro({ path: { id } }));
  }
}
