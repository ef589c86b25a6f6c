import { inject, Injectable } from '@angular/core';
import { MatDialog } from '@angular/material/dialog';
import { MatSnackBar } from '@angular/material/snack-bar';
import { firstValueFrom } from 'rxjs';
import type { ApiProblem } from '../../core/api/problem';
import { problemMessage } from '../../core/api/problem-message';
import { confirmAction } from '../../shared/ui/confirm-dialog.component';
import type { Trigger } from '../data-access/trigger.model';
import { type TriggerDialogData, type TriggerDialogResult, TriggerFormDialogComponent } from './trigger-form.dialog';
import { type TriggerTestDialogData, TriggerTestDialogComponent } from './trigger-test.dialog';

/** The Create / Edit / Test / Delete dialogs and toasts of the triggers page. */
@Injectable({ providedIn: 'root' })
export class TriggerActions {
  private readonly dialog = inject(MatDialog);
  private readonly snackBar = inject(MatSnackBar);

  async create(): Promise<Trigger | undefined> {
    const result = await this.open({});
    if (result?.saved) this.toast('Trigger created');
    return result?.trigger;
  }

  async edit(trigger: Trigger): Promise<Trigger | undefined> {
    const result = await this.open({ trigger });
    if (result?.saved) this.toast('Trigger saved');
    return result?.trigger;
  }

  async test(trigger: Trigger): Promise<void> {
    const ref = this.dialog.open<TriggerTestDialogComponent, TriggerTestDialogData>(TriggerTestDialogComponent, {
      data: { trigger },
      width: '640px',
      maxWidth: 'calc(100vw - 32px)',
      autoFocus: 'first-tabbable',
    });
    await firstValueFrom(ref.afterClosed());
  }

  confirmDelete(trigger: Trigger): Promise<boolean> {
    return confirmAction(this.dialog, {
      title: `Delete “${trigger.name}”?`,
      message: 'It will not send any more messages. Messages it already sent stay in the inboxes.',
      confirmLabel: 'Delete trigger',
      destructive: true,
    });
  }

  toast(message: string): void {
    this.snackBar.open(message, undefined, { duration: 4000 });
  }

  failed(what: string, problem: ApiProblem): void {
    this.snackBar.open(`${what}: ${problemMessage(problem)}`, 'Dismiss', { duration: 8000 });
  }

  private open(data: TriggerDialogData): Promise<TriggerDialogResult | undefined> {
    const ref = this.dialog.open<TriggerFormDialogComponent, TriggerDialogData, TriggerDialogResult | undefined>(TriggerFormDialogComponent, {
      data,
      width: '720px',
      maxWidth: 'calc(100vw - 32px)',
      autoFocus: 'first-tabbable',
    });
    return firstValueFrom(ref.afterClosed());
  }
}
