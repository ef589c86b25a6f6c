import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { DialogFrameComponent } from '../../shared/dialogs/dialog-frame.component';
import { injectRecordDialog } from '../../shared/dialogs/inject-record-dialog';
import { USER_FORM_DIALOG_TEMPLATE, UserFormDialog } from '../../shared/dialogs/user-form-dialog';
import { toMacroFormProblem } from '../data-access/macro-form-problem';
import { MacroEditorStore } from '../data-access/macro-editor.store';
import {
  type Macro,
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
  imports: [DialogFrameComponent],
  providers: [MacroEditorStore],
  template: USER_FORM_DIALOG_TEMPLATE,
})
export class MacroFormDialogComponent extends UserFormDialog<Macro, MacroFormComponent> {
  protected readonly editor = inject(MacroEditorStore);
  protected readonly dialog = injectRecordDialog(this.editor, { create: toCreateMacroBody, update: toUpdateMacroBody });
  protected readonly form = MacroFormComponent;
  protected readonly noun = 'macro';
  protected readonly blank = NEW_MACRO_FORM;
  protected readonly toInitial = macroToFormInitial;
  protected readonly toProblem = toMacroFormProblem;

  /** The users the macro assigns to. */
  protected userIds(macro: Macro): string[] {
    return macro.actions.filter((a) => a.type === 'set_assignee').map((a) => a.value);
  }
}
