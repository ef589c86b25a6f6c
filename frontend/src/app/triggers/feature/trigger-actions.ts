import { Injectable } from '@angular/core';
import { RecordActions } from '../../shared/dialogs/record-actions';
import type { ConfirmDialogData } from '../../shared/ui/confirm-dialog.component';
import type { Trigger } from '../data-access/trigger.model';
import { type TriggerDialogData, type TriggerDialogResult, TriggerFormDialogComponent } from './trigger-form.dialog';
import { type TriggerTestDialogData, TriggerTestDialogComponent } from './trigger-test.dialog';

/** The Create / Edit / Test / Delete dialogs and toasts of the triggers page. */
@Injectable({ providedIn: 'root' })
export class TriggerActions extends RecordActions<Trigger> {
  protected readonly noun = 'trigger';

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
    await this.openDialog<TriggerTestDialogComponent, TriggerTestDialogData, unknown>(
      TriggerTestDialogComponent,
      { trigger },
      '640px',
    );
  }

  protected deleteQuestion(trigger: Trigger): ConfirmDialogData {
    return {
      title: `Delete “${trigger.name}”?`,
      message: 'It will not send any more messages. Messages it already sent stay in the inboxes.',
      confirmLabel: 'Delete trigger',
      destructive: true,
    };
  }

  private open(data: TriggerDialogData): Promise<TriggerDialogResult | undefined> {
    return this.openDialog(TriggerFormDialogComponent, data, '720px');
  }
}
