import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { problemMessage } from '../../core/api/problem-message';
import { SessionStore } from '../../core/auth/session.store';
import { toFormProblem } from '../../core/forms/form-problem';
import { EditDialog } from '../../shared/dialogs/edit-dialog';
import { AlertComponent } from '../../shared/ui/alert.component';
import { ticketToFormInitial, toUpdateTicketBody } from '../data-access/ticket-body';
import { TicketEditorStore } from '../data-access/ticket-editor.store';
import { ticketPermissions } from '../data-access/ticket-permissions';
import { TicketPickersStore } from '../data-access/ticket-pickers.store';
import type { Ticket, TicketFormValue } from '../data-access/ticket.model';
import { TICKET_FIELD_TO_CONTROL, TICKET_FORM_CONTROLS, TicketFormComponent } from '../ui/ticket-form.component';

export interface TicketEditDialogData {
  readonly ticket: Ticket;
}

/** The newer ticket, and whether it is newer because the user saved it (or only reloaded it). */
export interface TicketEditResult {
  readonly ticket: Ticket;
  readonly saved: boolean;
}

/**
 * Edits a ticket: every field for its creator, status and priority for its assignee.
 * Closes with the newer ticket when it was saved (or reloaded after a conflict), so the
 * page can show it; with nothing when there is nothing new.
 */
@Component({
  selector: 'bw-ticket-edit-dialog',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatDialogModule, MatProgressBarModule, AlertComponent, TicketFormComponent],
  providers: [TicketEditorStore, TicketPickersStore],
  template: `
    <h2 mat-dialog-title>Edit ticket</h2>
    <mat-dialog-content>
      <div class="bw-progress">
        @if (editor.reloading()) {
          <mat-progress-bar mode="indeterminate" aria-label="Loading the latest version" />
        }
      </div>
      @if (pickerError(); as message) {
        <bw-alert [message]="message" actionLabel="Try again" (action)="pickers.init()" />
      }
      <bw-ticket-form
        [mode]="mode()"
        [initial]="initial()"
        [customerOptions]="pickers.customers.options()"
        [customersLoading]="pickers.customers.loading()"
        [assigneeOptions]="pickers.assignees.options()"
        [pending]="editor.saving() || editor.reloading()"
        [problem]="problem()"
        formLabel="Edit ticket"
        submitLabel="Save changes"
        [showCancel]="true"
        (submitted)="save($event)"
        (cancelled)="close()"
        (reload)="reload()"
        (customerSearch)="pickers.customers.search($event)"
        (assigneeSearch)="pickers.assignees.search($event)"
      />
    </mat-dialog-content>
  `,
  styles: `
    mat-dialog-content {
      padding-top: 0;
    }
  `,
})
export class TicketEditDialogComponent {
  private readonly session = inject(SessionStore);
  protected readonly editor = inject(TicketEditorStore);
  protected readonly pickers = inject(TicketPickersStore);
  // Escape and a click outside go through close(), so a reloaded ticket still reaches the page.
  private readonly dialog = new EditDialog<Ticket, TicketEditResult>(inject(MatDialogRef), {
    record: inject<TicketEditDialogData>(MAT_DIALOG_DATA).ticket,
    fetch: (id) => this.editor.fetch(id),
    result: (ticket, saved) => ({ ticket, saved }),
  });

  /** The version being edited: the one passed in, or the latest after "Reload". */
  private readonly ticket = computed(() => this.dialog.record() as Ticket);

  private readonly meId = computed(() => this.session.user()?.id ?? null);
  protected readonly mode = computed(() =>
    ticketPermissions(this.ticket(), this.meId()).canEditAllFields ? 'edit' : 'edit-limited',
  );
  protected readonly initial = computed(() => ticketToFormInitial(this.ticket(), this.meId()));
  protected readonly problem = computed(() => {
    const problem = this.editor.problem();
    return problem ? toFormProblem(problem, TICKET_FORM_CONTROLS, TICKET_FIELD_TO_CONTROL) : null;
  });

  protected readonly pickerError = computed(() => {
    const problem = this.pickers.customers.error() ?? this.pickers.assignees.error();
    return problem ? `Couldn't load the choices for customer and assignee: ${problemMessage(problem)}` : null;
  });

  constructor() {
    if (this.mode() === 'edit') {
      void this.pickers.init();
    }
  }

  protected save(value: TicketFormValue): Promise<void> {
    return this.dialog.save({
      update: (ticket) => {
        const body = toUpdateTicketBody(ticket, value, ticketPermissions(ticket, this.meId()).role);
        return body && this.editor.update(ticket.id, body);
      },
    });
  }

  protected async reload(): Promise<void> {
    await this.dialog.reload();
  }

  protected close(): void {
    this.dialog.close();
  }
}
