import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import type { ApiProblem } from '../../core/api/problem';
import { type FormProblem, toFormProblem } from '../../core/forms/form-problem';
import { DialogFrameComponent } from '../../shared/dialogs/dialog-frame.component';
import { injectRecordDialog } from '../../shared/dialogs/inject-record-dialog';
import { USER_FORM_DIALOG_TEMPLATE, UserFormDialog } from '../../shared/dialogs/user-form-dialog';
import { TriggerEditorStore } from '../data-access/trigger-editor.store';
import {
  NEW_TRIGGER_FORM,
  toCreateTriggerBody,
  toUpdateTriggerBody,
  type Trigger,
  TRIGGER_FIELD_TO_CONTROL,
  TRIGGER_FORM_CONTROLS,
  type TriggerFormControl,
  triggerToFormInitial,
} from '../data-access/trigger.model';
import { TriggerFormComponent } from '../ui/trigger-form.component';

/** Creates a trigger, or edits one (with "someone else changed it — Reload" on a 409). */
@Component({
  selector: 'bw-trigger-form-dialog',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [DialogFrameComponent],
  providers: [TriggerEditorStore],
  template: USER_FORM_DIALOG_TEMPLATE,
})
export class TriggerFormDialogComponent extends UserFormDialog<Trigger, TriggerFormComponent> {
  protected readonly editor = inject(TriggerEditorStore);
  protected readonly dialog = injectRecordDialog(this.editor, {
    create: toCreateTriggerBody,
    update: toUpdateTriggerBody,
  });
  protected readonly form = TriggerFormComponent;
  protected readonly noun = 'trigger';
  protected readonly blank = NEW_TRIGGER_FORM;
  protected readonly toInitial = triggerToFormInitial;

  protected toProblem(problem: ApiProblem): FormProblem<TriggerFormControl> {
    return toFormProblem(problem, TRIGGER_FORM_CONTROLS, TRIGGER_FIELD_TO_CONTROL);
  }

  /** The recipient, when it is a specific user. */
  protected userIds(trigger: Trigger): string[] {
    return trigger.recipient.userId ? [trigger.recipient.userId] : [];
  }
}
