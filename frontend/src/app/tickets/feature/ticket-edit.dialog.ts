import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { problemMessage } from '../../core/api/problem-message';
import { SessionStore } from '../../core/auth/session.store';
import { toFormProblem } from '../../core/forms/form-problem';
import { DialogFrameComponent } from '../../shared/dialogs/dialog-frame.component';
import { injectRecordDialog } from '../../shared/dialogs/inject-record-dialog';
import { AlertComponent } from '../../shared/ui/alert.component';
import { ticketToFormInitial, toUpdateTicketBody } from '../data-access/ticket-body';
import { TicketEditorStore } from '../data-access/ticket-editor.store';
import { ticketPermissions } from '../data-access/ticket-permissions';
import { TicketPickersStore } from '../data-access/ticket-pickers.store';
import type { Ticket, TicketFormValue } from '../data-access/ticket.model';
import { TICKET_FIELD_TO_CONTROL, TICKET_FORM_CONTROLS, TicketFormComponent } from '../ui/ticket-form.component';

/**
 * Edits a ticket: every field for its creator, status and priority for its assignee.
 * Closes with the newer ticket when it was saved (or reloaded after a conflict), so the
 * page can show it; with nothing when there is nothing new.
 */
@Component({
  selector: 'bw-ticket-edit-dialog',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [DialogFrameComponent, AlertComponent, TicketFormComponent],
  providers: [TicketEditorStore, TicketPickersStore],
  template: `
    <bw-dialog-frame heading="Edit ticket" [loading]="editor.reloading()">
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
        (submitted)="dialog.submit($event)"
        (cancelled)="dialog.close()"
        (reload)="dialog.reload()"
        (customerSearch)="pickers.customers.search($event)"
        (assigneeSearch)="pickers.assignees.search($event)"
      />
    </bw-dialog-frame>
  `,
})
export class TicketEditDialogComponent {
  private readonly session = inject(SessionStore);
  protected readonly editor = inject(TicketEditorStore);
  protected readonly pickers = inject(TicketPickersStore);
  // Escape and a click outside go through close(), so a reloaded ticket still reaches the page.
  protected readonly dialog = injectRecordDialog(this.editor, {
    update: (ticket: Ticket, value: TicketFormValue) =>
      toUpdateTicketBody(ticket, value, ticketPermissions(ticket, this.meId()).role),
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
}
