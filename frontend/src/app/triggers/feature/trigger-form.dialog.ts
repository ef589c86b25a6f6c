import { ChangeDetectionStrategy, Component, computed, DestroyRef, inject, signal } from '@angular/core';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { toFormProblem } from '../../core/forms/form-problem';
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
  private readonly data = inject<TriggerDialogData>(MAT_DIALOG_DATA);
  private readonly ref = inject<MatDialogRef<TriggerFormDialogComponent, TriggerDialogResult | undefined>>(MatDialogRef);
  private readonly directory = inject(UserDirectory);
  protected readonly editor = inject(TriggerEditorStore);
  protected readonly users = this.directory.createSearch();

  protected readonly trigger = signal<Trigger | null>(this.data.trigger ?? null);
  protected readonly initial = signal<TriggerFormInitial | null>(null);
  private changed = false;

  protected readonly problem = computed(() => {
    const problem = this.editor.problem();
    return problem ? toFormProblem(problem, TRIGGER_FORM_CONTROLS, TRIGGER_FIELD_TO_CONTROL) : null;
  });

  constructor() {
    this.ref.disableClose = true;
    this.ref.backdropClick().subscribe(() => this.close());
    this.ref.keydownEvents().subscribe((event) => {
      if (event.key === 'Escape') {
        this.close();
      }
    });
    inject(DestroyRef).onDestroy(() => this.users.dispose());
    void this.users.now();
    void this.start(this.trigger());
  }

  protected async save(value: TriggerFormValue): Promise<void> {
    const trigger = this.trigger();
    if (trigger === null) {
      const created = await this.editor.create(toCreateTriggerBody(value));
      if (created) this.ref.close({ trigger: created, saved: true });
      return;
    }
    const body = toUpdateTriggerBody(trigger, value);
    if (body === null) {
      this.close();
      return;
    }
    const saved = await this.editor.update(trigger.id, body);
    if (saved) this.ref.close({ trigger: saved, saved: true });
  }

  protected async reload(): Promise<void> {
    const trigger = this.trigger();
    if (trigger === null) return;
    const latest = await this.editor.fetch(trigger.id);
    if (latest) {
      this.changed = true;
      this.trigger.set(latest);
      await this.start(latest);
    }
  }

  protected close(): void {
    const trigger = this.trigger();
    this.ref.close(this.changed && trigger ? { trigger, saved: false } : undefined);
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
