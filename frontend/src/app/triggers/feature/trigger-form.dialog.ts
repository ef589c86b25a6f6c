import { ChangeDetectionStrategy, Component, computed, DestroyRef, inject, signal } from '@angular/core';
import { toFormProblem } from '../../core/forms/form-problem';
import { DialogFrameComponent } from '../../shared/dialogs/dialog-frame.component';
import { injectRecordDialog } from '../../shared/dialogs/inject-record-dialog';
import { UserDirectory } from '../../core/lookup/user-directory';
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
    <bw-dialog-frame [heading]="trigger() ? 'Edit trigger' : 'New trigger'" [loading]="editor.reloading() || initial() === null" loadingLabel="Loading the trigger">
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
export class TriggerFormDialogComponent {
  private readonly directory = inject(UserDirectory);
  protected readonly editor = inject(TriggerEditorStore);
  protected readonly users = this.directory.createSearch();
  protected readonly dialog = injectRecordDialog(this.editor, { create: toCreateTriggerBody, update: toUpdateTriggerBody });

  protected readonly trigger = this.dialog.record;
  protected readonly initial = signal<TriggerFormInitial | null>(null);

  protected readonly problem = computed(() => {
    const problem = this.editor.problem();
    return problem ? toFormProblem(problem, TRIGGER_FORM_CONTROLS, TRIGGER_FIELD_TO_CONTROL) : null;
  });

  constructor() {
    inject(DestroyRef).onDestroy(() => this.users.dispose());
    void this.users.now();
    void this.start(this.trigger());
  }

  protected async reload(): Promise<void> {
    const latest = await this.dialog.reload();
    if (latest) await this.start(latest);
  }

  private async start(trigger: Trigger | null): Promise<void> {
    if (trigger === null) {
      this.initial.set(NEW_TRIGGER_FORM);
      return;
    }
    if (trigger.recipient.userId) await this.directory.ensure([trigger.recipient.userId]);
    this.initial.set(triggerToFormInitial(trigger, this.directory.nameOf));
  }
}
