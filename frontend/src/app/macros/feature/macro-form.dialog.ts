import { ChangeDetectionStrategy, Component, computed, DestroyRef, inject, signal } from '@angular/core';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { EditDialog } from '../../shared/dialogs/edit-dialog';
import { toMacroFormProblem } from '../data-access/macro-form-problem';
import { MacroEditorStore } from '../data-access/macro-editor.store';
import {
  type Macro,
  type MacroFormInitial,
  type MacroFormValue,
  macroToFormInitial,
  NEW_MACRO_FORM,
  toCreateMacroBody,
  toUpdateMacroBody,
} from '../data-access/macro.model';
import { UserDirectory } from '../../core/lookup/user-directory';
import { MacroFormComponent } from '../ui/macro-form.component';

export interface MacroDialogData {
  /** The macro to edit; absent to create one. */
  readonly macro?: Macro;
}

/** The newer macro, and whether the user saved it (or only reloaded it after a conflict). */
export interface MacroDialogResult {
  readonly macro: Macro;
  readonly saved: boolean;
}

/** Creates a macro, or edits one (with "someone else changed it — Reload" on a 409). */
@Component({
  selector: 'bw-macro-form-dialog',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatDialogModule, MatProgressBarModule, MacroFormComponent],
  providers: [MacroEditorStore],
  template: `
    <h2 mat-dialog-title>{{ macro() ? 'Edit macro' : 'New macro' }}</h2>
    <mat-dialog-content>
      <div class="bw-progress">
        @if (editor.reloading() || initial() === null) {
          <mat-progress-bar mode="indeterminate" aria-label="Loading the macro" />
        }
      </div>
      @if (initial(); as start) {
        <bw-macro-form
          [initial]="start"
          [userOptions]="users.options()"
          [usersLoading]="users.loading()"
          [pending]="editor.saving() || editor.reloading()"
          [problem]="problem()"
          [formLabel]="macro() ? 'Edit macro' : 'New macro'"
          [submitLabel]="macro() ? 'Save changes' : 'Create macro'"
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
export class MacroFormDialogComponent {
  private readonly directory = inject(UserDirectory);
  protected readonly editor = inject(MacroEditorStore);
  protected readonly users = this.directory.createSearch();
  private readonly dialog = new EditDialog<Macro, MacroDialogResult>(inject(MatDialogRef), {
    record: inject<MacroDialogData>(MAT_DIALOG_DATA).macro ?? null,
    fetch: (id) => this.editor.fetch(id),
    result: (macro, saved) => ({ macro, saved }),
  });

  protected readonly macro = this.dialog.record;
  /** Set once the names of the users the macro assigns to are known (so the pickers can show them). */
  protected readonly initial = signal<MacroFormInitial | null>(null);

  protected readonly problem = computed(() => {
    const problem = this.editor.problem();
    return problem ? toMacroFormProblem(problem) : null;
  });

  constructor() {
    inject(DestroyRef).onDestroy(() => this.users.dispose());
    void this.users.now();
    void this.start(this.macro());
  }

  protected save(value: MacroFormValue): Promise<void> {
    return this.dialog.save({
      create: () => this.editor.create(toCreateMacroBody(value)),
      update: (macro) => {
        const body = toUpdateMacroBody(macro, value);
        return body && this.editor.update(macro.id, body);
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

  private async start(macro: Macro | null): Promise<void> {
    if (macro === null) {
      this.initial.set(NEW_MACRO_FORM);
      return;
    }
    await this.directory.ensure(macro.actions.filter((a) => a.type === 'set_assignee').map((a) => a.value));
    this.initial.set(macroToFormInitial(macro, this.directory.nameOf));
  }
}
