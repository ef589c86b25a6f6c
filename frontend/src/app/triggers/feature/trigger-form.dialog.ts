import { ChangeDetectionStrategy, Component, computed, DestroyRef, inject, signal } from '@angular/core';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { toFormProblem } from '../../core/forms/form-problem';
import { EditDialog } from '../../shared/dialogs/edit-dialog';
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
  type TriggerFormValue,
  triggerToFormInitial,
} from '../data-access/trigger.model';
import { TriggerFormComponent } from '../ui/trigger-form.component';

export interface TriggerDialogData {
  /** The trigger to edit; absent to create one. */
  readonly trigger?: Trigger;
}

/** The newer trigger, and whether the user saved it (or only reloaded it after a conflict). */
export interface TriggerDialogResult {
  readonly trigger: Trigger;
  readonly saved: boolean;
}

/** Creates a trigger, or edits one (with "someone else changed it — Reload" on a 409). */
@Component({
  selector: 'bw-trigger-form-dialog',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatDialogModule, MatProgressBarModule, TriggerFormComponent],
  providers: [TriggerEditorStore],
  template: `
    <h2 mat-dialog-title>{{ trigger() ? 'Edit trigger' : 'New trigger' }}</h2>
    <mat-dialog-content>
      <div class="bw-progress">
        @if (editor.reloading() || initial() === null) {
          <mat-progress-bar mode="indeterminate" aria-label="Loading the trigger" />
        }
      </div>
      @if (initial(); as start) {
        <bw-trigger-form
          [initial]="start"
          [userOptions]="users.options()"
          [usersLoading]="users.loading()"
          [pending]="editor.saving() || editor.reloading()"
          [problem]="problem()"
          [formLabel]="trigger() ? 'Edit trigger' : 'New trigger'"
          [submitLabel]="trigger() ? 'Save changes' : 'Create trigger'"
          (submitted)="save($event)"
          (cancelled)="close()"
          (reload)="reload()"
          (userSearch)="users.search($event)"
        />
      }
    </mat-dialog-content>
  `,
  styles: `
    mat-dialog-content {
      padding-top: 0;
    }
  `,
})
export class TriggerFormDialogComponent {
  private readonly directory = inject(UserDirectory);
  protected readonly editor = inject(TriggerEditorStore);
  protected readonly users = this.directory.createSearch();
  private readonly dialog = new EditDialog<Trigger, TriggerDialogResult>(inject(MatDialogRef), {
    record: inject<TriggerDialogData>(MAT_DIALOG_DATA).trigger ?? null,
    fetch: (id) => this.editor.fetch(id),
    result: (trigger, saved) => ({ trigger, saved }),
  });

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

  protected save(value: TriggerFormValue): Promise<void> {
    return this.dialog.save({
      create: () => this.editor.create(toCreateTriggerBody(value)),
      update: (trigger) => {
        const body = toUpdateTriggerBody(trigger, value);
        return body && this.editor.update(trigger.id, body);
      },
    });
  }

  protected async reload(): Promise<void> {
    const latest = await this.dialog.reload();
    if (latest) await this.start(latest);
  }

  protected close(): void {
    this.dialog.close();
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
