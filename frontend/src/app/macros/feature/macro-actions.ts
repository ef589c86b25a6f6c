import { Injectable } from '@angular/core';
import { RecordActions } from '../../shared/dialogs/record-actions';
import type { ConfirmDialogData } from '../../shared/ui/confirm-dialog.component';
import type { Macro } from '../data-access/macro.model';
import { type MacroDialogData, type MacroDialogResult, MacroFormDialogComponent } from './macro-form.dialog';

/** The Create / Edit / Delete dialogs and toasts of the macros page. */
@Injectable({ providedIn: 'root' })
export class MacroActions extends RecordActions<Macro> {
  protected readonly noun = 'macro';

  /** Resolves to the new macro, or nothing when the dialog was cancelled. */
  async create(): Promise<Macro | undefined> {
    const result = await this.open({});
    if (result?.saved) this.toast('Macro created');
    return result?.macro;
  }

  /** Resolves to the newer macro when it was saved or reloaded. */
  async edit(macro: Macro): Promise<Macro | undefined> {
    const result = await this.open({ macro });
    if (result?.saved) this.toast('Macro saved');
    return result?.macro;
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

  private open(data: MacroDialogData): Promise<MacroDialogResult | undefined> {
    return this.openDialog(MacroFormDialogComponent, data, '760px');
  }
}
