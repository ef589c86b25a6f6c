import { ChangeDetectionStrategy, Component, computed, DestroyRef, inject, signal } from '@angular/core';
import { DialogFrameComponent } from '../../shared/dialogs/dialog-frame.component';
import { injectRecordDialog } from '../../shared/dialogs/inject-record-dialog';
import { toMacroFormProblem } from '../data-access/macro-form-problem';
import { MacroEditorStore } from '../data-access/macro-editor.store';
import { type Macro, type MacroFormInitial, macroToFormInitial, NEW_MACRO_FORM, toCreateMacroBody, toUpdateMacroBody } from '../data-access/macro.model';
import { UserDirectory } from '../../core/lookup/user-directory';
import { MacroFormComponent } from '../ui/macro-form.component';

/** Creates a macro, or edits one (with "someone else changed it — Reload" on a 409). */
@Component({
  selector: 'bw-macro-form-dialog',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [DialogFrameComponent, MacroFormComponent],
  providers: [MacroEditorStore],
  template: `
    <bw-dialog-frame [heading]="macro() ? 'Edit macro' : 'New macro'" [loading]="editor.reloading() || initial() === null" loadingLabel="Loading the macro">
      @if (initial(); as start) {
        <bw-macro-form
          [initial]="start"
          [userOptions]="users.options()"
          [usersLoading]="users.loading()"
          [pending]="editor.saving() || editor.reloading()"
          [problem]="problem()"
          [formLabel]="macro() ? 'Edit macro' : 'New macro'"
          [submitLabel]="macro() ? 'Save changes' : 'Create macro'"
          (submitted)="dialog.submit($event)"
          (cancelled)="dialog.close()"
          (reload)="reload()"
          (userSearch)="users.search($event)"
        />
      }
    </bw-dialog-frame>
  `,
})
export class MacroFormDialogComponent {
  private readonly directory = inject(UserDirectory);
  protected readonly editor = inject(MacroEditorStore);
  protected readonly users = this.directory.createSearch();
  protected readonly dialog = injectRecordDialog(this.editor, { create: toCreateMacroBody, update: toUpdateMacroBody });

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

  protected async reload(): Promise<void> {
    const latest = await this.dialog.reload();
    if (latest) await this.start(latest);
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
