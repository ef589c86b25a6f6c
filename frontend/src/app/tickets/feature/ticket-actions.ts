import { Injectable } from '@angular/core';
import { RecordActions } from '../../shared/dialogs/record-actions';
import type { ConfirmDialogData } from '../../shared/ui/confirm-dialog.component';
import type { Ticket } from '../data-access/ticket.model';
import { TicketEditDialogComponent } from './ticket-edit.dialog';

/** The Edit and Delete buttons' dialogs and toasts, shared by every page that lists or shows tickets. */
@Injectable({ providedIn: 'root' })
export class TicketActions extends RecordActions<Ticket> {
  protected readonly noun = 'ticket';
  protected readonly formDialog = { component: TicketEditDialogComponent, width: '720px' };

  protected deleteQuestion(ticket: Ticket): ConfirmDialogData {
    return {
      title: 'Delete this ticket?',
      message: `“${ticket.title}” and its conversation will be deleted for you and its assignee. This can't be undone.`,
      confirmLabel: 'Delete ticket',
      destructive: true,
    };
  }
}
