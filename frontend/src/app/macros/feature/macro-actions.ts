import { Injectable } from '@angular/core';
import { RecordActions } from '../../shared/dialogs/record-actions';
import type { ConfirmDialogData } from '../../shared/ui/confirm-dialog.component';
import type { Macro } from '../data-access/macro.model';
import { MacroFormDialogComponent } from './macro-form.dialog';

/** The Create / Edit / Delete dialogs and toasts of the macros page. */
@Injectable({ providedIn: 'root' })
export class MacroActions extends RecordActions<Macro> {
  protected readonly noun = 'macro';
  protected readonly formDialog = { component: MacroFormDialogComponent, width: '760px' };

  /** Resolves to the new macro, or nothing when the dialog was cancelled. */
  create(): Promise<Macro | undefined> {
    return this.openForm();
  }

  protected deleteQuestion(macro: Macro): ConfirmDialogData {
    return {
      title: `Delete “${macro.name}”?`,
      message:
        macro.availableFor === 'everyone'
          ? 'Nobody will be able to apply it any more, you included. Tickets it was applied to keep their changes.'
          : 'You will not be able to apply it any more. Tickets it was applied to keep their changes.',
      confirmLabel: 'Delete macro',
      destructive: true,
    };
  }
}
