import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { toFormProblem } from '../../core/forms/form-problem';
import { DialogFrameComponent } from '../../shared/dialogs/dialog-frame.component';
import { injectRecordDialog } from '../../shared/dialogs/inject-record-dialog';
import { UserFormDialog } from '../../shared/dialogs/user-form-dialog';
import { TriggerEditorStore } from '../data-access/trigger-editor.store';
import {
  NEW_TRIGGER_FORM,
  toCreateTriggerBody,
  toUpdateTriggerBody,
  type Trigger,
  TRIGGER_FIELD_TO_CONTROL,
  TRIGGER_FORM_CONTROLS,
  type TriggerFormInitial,
  triggerToFormInitial,
} from '../data-access/trigger.model';
import { TriggerFormComponent } from '../ui/trigger-form.component';

/** Creates a trigger, or edits one (with "someone else changed it — Reload" on a 409). */
@Component({
  selector: 'bw-trigger-form-dialog',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [DialogFrameComponent, TriggerFormComponent],
  providers: [TriggerEditorStore],
  template: `
    <bw-dialog-frame
      [heading]="trigger() ? 'Edit trigger' : 'New trigger'"
      [loading]="editor.reloading() || initial() === null"
      loadingLabel="Loading the trigger"
    >
      @if (initial(); as start) {
        <bw-trigger-form
          [initial]="start"
          [userOptions]="users.options()"
          [usersLoading]="users.loading()"
          [pending]="editor.saving() || editor.reloading()"
          [problem]="problem()"
          [formLabel]="trigger() ? 'Edit trigger' : 'New trigger'"
          [submitLabel]="trigger() ? 'Save changes' : 'Create trigger'"
          (submitted)="dialog.submit($event)"
          (cancelled)="dialog.close()"
          (reload)="reload()"
          (userSearch)="users.search($event)"
        />
      }
    </bw-dialog-frame>
  `,
})
export class TriggerFormDialogComponent extends UserFormDialog<Trigger, TriggerFormInitial> {
  protected readonly editor = inject(TriggerEditorStore);
  protected readonly dialog = injectRecordDialog(this.editor, {
    create: toCreateTriggerBody,
    update: toUpdateTriggerBody,
  });
  protected readonly blank = NEW_TRIGGER_FORM;
  protected readonly toInitial = triggerToFormInitial;

  protected readonly trigger = this.dialog.record;

  protected readonly problem = computed(() => {
    const problem = this.editor.problem();
    return problem ? toFormProblem(problem, TRIGGER_FORM_CONTROLS, TRIGGER_FIELD_TO_CONTROL) : null;
  });

  constructor() {
    super();
    void this.start(this.trigger());
  }

  /** The recipient, when it is a specific user. */
  protected userIds(trigger: Trigger): string[] {
    return trigger.recipient.userId ? [trigger.recipient.userId] : [];
  }
}
