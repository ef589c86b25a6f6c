import { Injectable } from '@angular/core';
import { RecordActions, type RecordList } from '../../shared/dialogs/record-actions';
import type { ConfirmDialogData } from '../../shared/ui/confirm-dialog.component';
import type { Trigger } from '../data-access/trigger.model';
import { TriggerFormDialogComponent } from './trigger-form.dialog';
import { type TriggerTestDialogData, TriggerTestDialogComponent } from './trigger-test.dialog';

/** The Create / Edit / Test / Delete dialogs and toasts of the triggers page. */
@Injectable({ providedIn: 'root' })
export class TriggerActions extends RecordActions<Trigger> {
  protected readonly noun = 'trigger';
  protected readonly formDialog = { component: TriggerFormDialogComponent, width: '720px' };

  /** Opens the create dialog; the new trigger goes first in `list`. */
  create(list: RecordList<Trigger>): Promise<void> {
    return this.createIn(list);
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
}
