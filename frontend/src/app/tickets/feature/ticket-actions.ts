import { inject, Injectable } from '@angular/core';
import { MatDialog } from '@angular/material/dialog';
import { MatSnackBar } from '@angular/material/snack-bar';
import { firstValueFrom } from 'rxjs';
import type { ApiProblem } from '../../core/api/problem';
import { problemMessage } from '../../core/api/problem-message';
import { confirmAction } from '../../shared/ui/confirm-dialog.component';
import type { Ticket } from '../data-access/ticket.model';
import { TicketEditDialogComponent, type TicketEditDialogData, type TicketEditResult } from './ticket-edit.dialog';

/** The Edit and Delete buttons' dialogs and toasts, shared by every page that lists or shows tickets. */
@Injectable({ providedIn: 'root' })
export class TicketActions {
  private readonly dialog = inject(MatDialog);
  private readonly snackBar = inject(MatSnackBar);

  /** Opens the edit dialog; resolves to the newer ticket when it was saved or reloaded. */
  async edit(ticket: Ticket): Promise<Ticket | undefined> {
    const ref = this.dialog.open<TicketEditDialogComponent, TicketEditDialogData, TicketEditResult | undefined>(TicketEditDialogComponent, {
      data: { ticket },
      width: '720px',
      maxWidth: 'calc(100vw - 32px)',
      autoFocus: 'first-tabbable',
    });
    const result = await firstValueFrom(ref.afterClosed());
    if (result?.saved) {
      this.toast('Ticket saved');
    }
    return result?.ticket;
  }

  confirmDelete(ticket: Ticket): Promise<boolean> {
    return confirmAction(this.dialog, {
      title: 'Delete this ticket?',
      message: `“${ticket.title}” and its conversation will be deleted for you and its assignee. This can't be undone.`,
      confirmLabel: 'Delete ticket',
      destructive: true,
    });
  }

  toast(message: string): void {
    this.snackBar.open(message, undefined, { duration: 4000 });
  }

  failed(what: string, problem: ApiProblem): void {
    this.snackBar.open(`${what}: ${problemMessage(problem)}`, 'Dismiss', { duration: 8000 });
  }
}
