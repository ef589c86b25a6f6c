import { Injectable } from '@angular/core';
import { RecordActions } from '../../shared/dialogs/record-actions';
import type { ConfirmDialogData } from '../../shared/ui/confirm-dialog.component';
import type { Ticket } from '../data-access/ticket.model';
import { TicketEditDialogComponent, type TicketEditDialogData, type TicketEditResult } from './ticket-edit.dialog';

/** The Edit and Delete buttons' dialogs and toasts, shared by every page that lists or shows tickets. */
@Injectable({ providedIn: 'root' })
export class TicketActions extends RecordActions<Ticket> {
  protected readonly noun = 'ticket';

  /** Opens the edit dialog; resolves to the newer ticket when it was saved or reloaded. */
  async edit(ticket: Ticket): Promise<Ticket | undefined> {
    const result = await this.openDialog<TicketEditDialogComponent, TicketEditDialogData, TicketEditResult>(
      TicketEditDialogComponent,
      { ticket },
      '720px',
    );
    if (result?.saved) {
      this.toast('Ticket saved');
    }
    return result?.ticket;
  }

  protected deleteQuestion(ticket: Ticket): ConfirmDialogData {
    return {
      title: 'Delete this ticket?',
      message: `“${ticket.title}” and its conversation will be deleted for you and its assignee. This can't be undone.`,
      confirmLabel: 'Delete ticket',
      destructive: true,
    };
  }
}
