import { inject, Injectable } from '@angular/core';
import { MatDialog } from '@angular/material/dialog';
import { MatSnackBar } from '@angular/material/snack-bar';
import { firstValueFrom } from 'rxjs';
import type { ApiProblem } from '../../core/api/problem';
import { problemMessage } from '../../core/api/problem-message';
import { confirmAction } from '../../shared/ui/confirm-dialog.component';
import type { Macro } from '../data-access/macro.model';
import { type MacroDialogData, type MacroDialogResult, MacroFormDialogComponent } from './macro-form.dialog';

/** The Create / Edit / Delete dialogs and toasts of the macros page. */
@Injectable({ providedIn: 'root' })
export class MacroActions {
  private readonly dialog = inject(MatDialog);
  private readonly snackBar = inject(MatSnackBar);

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

  confirmDelete(macro: Macro): Promise<boolean> {
    return confirmAction(this.dialog, {
      title: `Delete “${macro.name}”?`,
      message:
        macro.availableFor === 'everyone'
          ? 'Nobody will be able to apply it any more, you included. Tickets it was applied to keep their changes.'
          : 'You will not be able to apply it any more. Tickets it was applied to keep their changes.',
      confirmLabel: 'Delete macro',
      destructive: true,
    });
  }

  toast(message: string): void {
    this.snackBar.open(message, undefined, { duration: 4000 });
  }

  failed(what: string, problem: ApiProblem): void {
    this.snackBar.open(`${what}: ${problemMessage(problem)}`, 'Dismiss', { duration: 8000 });
  }

  private open(data: MacroDialogData): Promise<MacroDialogResult | undefined> {
    const ref = this.dialog.open<MacroFormDialogComponent, MacroDialogData, MacroDialogResult | undefined>(MacroFormDialogComponent, {
      data,
      width: '760px',
      maxWidth: 'calc(100vw - 32px)',
      autoFocus: 'first-tabbable',
    });
    return firstValueFrom(ref.afterClosed());
  }
}
