import { Injectable } from '@angular/core';
import { RecordActions, type RecordList } from '../../shared/dialogs/record-actions';
import type { ConfirmDialogData } from '../../shared/ui/confirm-dialog.component';
import type { Macro } from '../data-access/macro.model';
import { MacroFormDialogComponent } from './macro-form.dialog';

/** The Create / Edit / Delete dialogs and toasts of the macros page. */
@Injectable({ providedIn: 'root' })
export class MacroActions extends RecordActions<Macro> {
  protected readonly noun = 'macro';
  protected readonly formDialog = { component: MacroFormDialogComponent, width: '760px' };

  /** Opens the create dialog; the new macro goes first in `list`. */
  create(list: RecordList<Macro>): Promise<void> {
    return this.createIn(list);
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
