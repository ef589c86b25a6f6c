import { Injectable } from '@angular/core';
import { createTrigger, type CreateTriggerDto, getTrigger, updateTrigger, type UpdateTriggerDto } from '@bw/sdk';
import { EditorStore } from '../../core/api/editor-store';
import { settle } from '../../core/api/sdk-result';
import type { Trigger } from './trigger.model';

/** Creates and edits triggers for the trigger dialog. Provide it where it is used. */
@Injectable()
export class TriggerEditorStore extends EditorStore<Trigger, CreateTriggerDto, UpdateTriggerDto> {
  protected createCall(body: CreateTriggerDto) {
    return settle(() => createTrigger({ body }));
  }

  protected updateCall(id: string, body: UpdateTriggerDto) {
    return settle(() => updateTrigger({ path: { id }, body }));
  }

  protected fetchCall(id: string) {
    return settle(() => getTrigger({ path: { id } }));
  }
}
