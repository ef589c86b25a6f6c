import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { DialogFrameComponent } from '../../shared/dialogs/dialog-frame.component';
import { injectRecordDialog } from '../../shared/dialogs/inject-record-dialog';
import { UserFormDialog } from '../../shared/dialogs/user-form-dialog';
import { toMacroFormProblem } from '../data-access/macro-form-problem';
import { MacroEditorStore } from '../data-access/macro-editor.store';
import {
  type Macro,
  type MacroFormInitial,
  macroToFormInitial,
  NEW_MACRO_FORM,
  toCreateMacroBody,
  toUpdateMacroBody,
} from '../data-access/macro.model';
import { MacroFormComponent } from '../ui/macro-form.component';

/** Creates a macro, or edits one (with "someone else changed it — Reload" on a 409). */
@Component({
  selector: 'bw-macro-form-dialog',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [DialogFrameComponent, MacroFormComponent],
  providers: [MacroEditorStore],
  template: `
    <bw-dialog-frame
      [heading]="macro() ? 'Edit macro' : 'New macro'"
      [loading]="editor.reloading() || initial() === null"
      loadingLabel="Loading the macro"
    >
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
export class MacroFormDialogComponent extends UserFormDialog<Macro, MacroFormInitial> {
  protected readonly editor = inject(MacroEditorStore);
  protected readonly dialog = injectRecordDialog(this.editor, { create: toCreateMacroBody, update: toUpdateMacroBody });
  protected readonly blank = NEW_MACRO_FORM;
  protected readonly toInitial = macroToFormInitial;

  protected readonly macro = this.dialog.record;

  protected readonly problem = computed(() => {
    const problem = this.editor.problem();
    return problem ? toMacroFormProblem(problem) : null;
  });

  constructor() {
    super();
    void this.start(this.macro());
  }

  /** The users the macro assigns to. */
  protected userIds(macro: Macro): string[] {
    return macro.actions.filter((a) => a.type === 'set_assignee').map((a) => a.value);
  }
}
