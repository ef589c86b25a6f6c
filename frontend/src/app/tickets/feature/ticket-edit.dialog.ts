import { ChangeDetectionStrategy, Component, computed, effect, inject, signal, untracked } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatDialogRef } from '@angular/material/dialog';
import { problemMessage } from '../../core/api/problem-message';
import { SessionStore } from '../../core/auth/session.store';
import { DraftStore, draftKey } from '../../core/drafts/draft-store';
import { toFormProblem } from '../../core/forms/form-problem';
import { DialogFrameComponent } from '../../shared/dialogs/dialog-frame.component';
import { injectRecordDialog } from '../../shared/dialogs/inject-record-dialog';
import { AlertComponent } from '../../shared/ui/alert.component';
import { ticketToFormInitial, toUpdateTicketBody } from '../data-access/ticket-body';
import { TicketChangeWatch } from '../data-access/ticket-change-watch';
import { TicketEditorStore } from '../data-access/ticket-editor.store';
import { ticketPermissions } from '../data-access/ticket-permissions';
import { TicketPickersStore } from '../data-access/ticket-pickers.store';
import { changedFields } from '../data-access/ticket-live';
import type { Ticket, TicketFormInitial, TicketFormValue } from '../data-access/ticket.model';
import { TICKET_FIELD_TO_CONTROL, TICKET_FORM_CONTROLS, TicketFormComponent } from '../ui/ticket-form.component';

/**
 * Edits a ticket: every field for its creator, status and priority for its assignee.
 * Closes with the newer ticket when it was saved (or reloaded after a conflict), so the
 * page can show it; with nothing when there is nothing new. A change that someone else makes
 * meanwhile is shown at once, with "Reload" and "Keep editing" (saving then answers 409).
 */
@Component({
  selector: 'bw-ticket-edit-dialog',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButtonModule, DialogFrameComponent, AlertComponent, TicketFormComponent],
  providers: [TicketEditorStore, TicketPickersStore, TicketChangeWatch],
  template: `
    <bw-dialog-frame heading="Edit ticket" [loading]="editor.reloading()">
      @if (remote(); as r) {
        <div class="remote" role="alert" data-testid="remote-change">
          <span>{{ r.message }}</span>
          <span class="remote-actions">
            @if (r.canReload) {
              <button matButton type="button" [disabled]="editor.reloading()" (click)="reloadRemote()">Reload</button>
              <button matButton type="button" (click)="keepEditing()">Keep editing</button>
            } @else {
              <button matButton type="button" (click)="dialog.close()">Close</button>
            }
          </span>
        </div>
      }
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
        (draftChange)="typed($event)"
        (cancelled)="dialog.close()"
        (reload)="dialog.reload()"
        (customerSearch)="pickers.customers.search($event)"
        (assigneeSearch)="pickers.assignees.search($event)"
      />
    </bw-dialog-frame>
  `,
  styles: `
    .remote {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      justify-content: space-between;
      gap: 8px 16px;
      margin: 0 0 16px;
      padding: 10px 12px 10px 16px;
      border-radius: var(--mat-sys-corner-small);
      background: var(--mat-sys-tertiary-container);
      color: var(--mat-sys-on-tertiary-container);
      font: var(--mat-sys-body-medium);
      --mat-button-text-label-text-color: var(--mat-sys-on-tertiary-container);
    }
    .remote-actions {
      display: flex;
      flex: none;
    }
  `,
})
export class TicketEditDialogComponent {
  private readonly session = inject(SessionStore);
  protected readonly editor = inject(TicketEditorStore);
  protected readonly pickers = inject(TicketPickersStore);
  private readonly watch = inject(TicketChangeWatch);
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
  private readonly drafts = inject(DraftStore);
  /** The edits are kept per user and ticket, with the version they were made on. */
  private readonly draftKey = draftKey(this.session.user()?.id ?? '', 'edit-ticket', this.ticket().id);
  private readonly restored = this.drafts.read<EditDraft>(this.draftKey);
  protected readonly initial = computed(() => {
    const ticket = this.ticket();
    // Edits kept when the session ended come back, as long as the ticket has not changed since.
    const draft = this.restored?.version === ticket.version ? this.restored.value : null;
    return draft ?? ticketToFormInitial(ticket, this.meId());
  });
  protected readonly problem = computed(() => {
    const problem = this.editor.problem();
    return problem ? toFormProblem(problem, TICKET_FORM_CONTROLS, TICKET_FIELD_TO_CONTROL) : null;
  });

  protected readonly pickerError = computed(() => {
    const problem = this.pickers.customers.error() ?? this.pickers.assignees.error();
    return problem ? `Couldn't load the choices for customer and assignee: ${problemMessage(problem)}` : null;
  });

  /** The version of the other person's change the user chose to ignore ("Keep editing"). */
  private readonly dismissed = signal<number | null>(null);
  protected readonly remote = computed(() => {
    const change = this.watch.change();
    const current = this.ticket();
    if (change === null) return null;
    const who = change.actor?.username ?? 'Someone';
    if (change.ticket === null) {
      return {
        canReload: false,
        message:
          change.reason === 'deleted'
            ? `${who} deleted this ticket. It can't be saved any more.`
            : "This ticket is no longer shared with you. It can't be saved any more.",
      };
    }
    if (change.ticket.version <= current.version || change.ticket.version === this.dismissed()) return null;
    const fields = changedFields(current, change.ticket);
    const what = fields.length > 0 ? ` (${fields.join(', ')})` : '';
    return { canReload: true, message: `${who} changed this ticket${what} while you were editing it.` };
  });

  constructor() {
    // Closed by the user (saved, cancelled, discarded): the draft goes. Closed because the
    // session ended (the way to /login closes dialogs): it stays, for after signing in.
    const ref = inject(MatDialogRef);
    ref.beforeClosed().subscribe(() => {
      if (this.session.isLoggedIn()) this.drafts.clear(this.draftKey);
      else this.drafts.flush(this.draftKey);
    });
    // The session ended (a save answered 401): the app goes to /login, and the dialog with it.
    effect(() => {
      if (!this.session.isLoggedIn()) untracked(() => ref.close());
    });
    this.watch.watch(this.ticket().id);
    if (this.mode() === 'edit') {
      void this.pickers.init();
    }
  }

  protected typed(value: TicketFormInitial): void {
    // Signed out, the form shows the ticket as a stranger would: that is no edit of the user's.
    if (!this.session.isLoggedIn()) return;
    const unchanged = JSON.stringify(value) === JSON.stringify(ticketToFormInitial(this.ticket(), this.meId()));
    this.drafts.write(this.draftKey, unchanged ? null : { version: this.ticket().version, value });
  }

  protected async reloadRemote(): Promise<void> {
    await this.dialog.reload();
  }

  protected keepEditing(): void {
    this.dismissed.set(this.watch.change()?.ticket?.version ?? null);
  }
}

/** Unsaved edits of a ticket, and the version they were made on. */
interface EditDraft {
  readonly version: number;
  readonly value: TicketFormInitial;
}
