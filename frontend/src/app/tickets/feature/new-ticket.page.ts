import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  HostListener,
  inject,
  input,
  signal,
  untracked,
} from '@angular/core';
import { MatDialog } from '@angular/material/dialog';
import { MatButtonModule } from '@angular/material/button';
import { Router, RouterLink } from '@angular/router';
import { MacroPickerComponent } from '../../macros';
import { problemMessage } from '../../core/api/problem-message';
import { SessionStore } from '../../core/auth/session.store';
import { DraftStore, draftKey } from '../../core/drafts/draft-store';
import { toFormProblem } from '../../core/forms/form-problem';
import type { LeavesSafely } from '../../core/navigation/unsaved-changes.guard';
import { confirmAction } from '../../shared/ui/confirm-dialog.component';
import { AlertComponent } from '../../shared/ui/alert.component';
import { PageHeaderComponent } from '../../shared/ui/page-header.component';
import { toCreateTicketBody } from '../data-access/ticket-body';
import { TicketEditorStore } from '../data-access/ticket-editor.store';
import { TicketPickersStore } from '../data-access/ticket-pickers.store';
import { NEW_TICKET_DEFAULTS, type TicketFormInitial, type TicketFormValue } from '../data-access/ticket.model';
import { TICKET_FIELD_TO_CONTROL, TICKET_FORM_CONTROLS, TicketFormComponent } from '../ui/ticket-form.component';
import { TicketActions } from './ticket-actions';

/**
 * `/new-ticket`: write and send a ticket. `?customerId=` preselects the customer. What is typed
 * is kept as a draft (per user, in the tab) until the ticket is created or the user starts over:
 * leaving asks first, and coming back (Back, a reload, signing in again) brings it back.
 */
@Component({
  selector: 'bw-new-ticket-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    RouterLink,
    MatButtonModule,
    AlertComponent,
    PageHeaderComponent,
    TicketFormComponent,
    MacroPickerComponent,
  ],
  providers: [TicketEditorStore, TicketPickersStore],
  template: `
    <section class="bw-page narrow">
      <header
        bwPageHeader
        heading="New ticket"
        subheading="Describe the request, pick the customer it is for and who should handle it."
      ></header>

      @if (noCustomers()) {
        <bw-alert
          tone="info"
          message="You don't have any customers yet. Every ticket is for one of your customers, so add one first."
          actionLabel="Add a customer"
          (action)="goToCustomers()"
        />
      }

      @if (pickerError(); as message) {
        <bw-alert [message]="message" actionLabel="Try again" (action)="pickers.init()" />
      }

      @if (restored()) {
        <bw-alert
          tone="info"
          message="Your unfinished ticket is back."
          actionLabel="Start over"
          data-testid="draft-restored"
          (action)="startOver()"
        />
      }

      <div class="bw-panel card">
        <bw-macro-picker [(macroId)]="macroId" label="Macro" hint="Optional: applied as the ticket is created" />
        <bw-ticket-form
          mode="create"
          [initial]="initial()"
          [customerOptions]="pickers.customers.options()"
          [customersLoading]="pickers.customers.loading()"
          [assigneeOptions]="pickers.assignees.options()"
          [pending]="editor.saving()"
          [problem]="problem()"
          formLabel="New ticket"
          submitLabel="Create ticket"
          [showCancel]="true"
          (submitted)="create($event)"
          (draftChange)="typed($event)"
          (cancelled)="cancel()"
          (customerSearch)="pickers.customers.search($event)"
          (assigneeSearch)="pickers.assignees.search($event)"
        />
      </div>
      <p class="back"><a routerLink="/tickets">Back to tickets</a></p>
    </section>
  `,
  styles: `
    .narrow {
      max-width: 820px;
    }
    .card {
      padding: 24px 24px 16px;
    }
    .back {
      margin: 16px 0 0;
      font: var(--mat-sys-body-medium);
    }
  `,
})
export class NewTicketPage implements LeavesSafely {
  /** `?customerId=`, bound by the router. */
  readonly customerId = input<string>();

  private readonly router = inject(Router);
  private readonly actions = inject(TicketActions);
  protected readonly editor = inject(TicketEditorStore);
  protected readonly pickers = inject(TicketPickersStore);
  private readonly session = inject(SessionStore);
  private readonly drafts = inject(DraftStore);
  private readonly dialogs = inject(MatDialog);
  private readonly draftKey = computed(() => {
    const me = this.session.user()?.id;
    return me ? draftKey(me, 'new-ticket') : null;
  });
  /** The fields as the user left them. */
  private readonly current = signal<TicketFormInitial>(NEW_TICKET_DEFAULTS);
  /** The form was filled from a draft. */
  protected readonly restored = signal(false);
  /** Created (or discarded): nothing to ask about any more. */
  private done = false;

  protected readonly initial = signal<TicketFormInitial>(NEW_TICKET_DEFAULTS);
  protected readonly macroId = signal<string | null>(null);
  private readonly pickersReady = signal(false);

  protected readonly problem = computed(() => {
    const problem = this.editor.problem();
    return problem ? toFormProblem(problem, TICKET_FORM_CONTROLS, TICKET_FIELD_TO_CONTROL) : null;
  });
  protected readonly pickerError = computed(() => {
    const problem = this.pickers.customers.error() ?? this.pickers.assignees.error();
    return problem ? `Couldn't load the choices for customer and assignee: ${problemMessage(problem)}` : null;
  });
  /** The first, unfiltered customer search came back empty. */
  protected readonly noCustomers = computed(
    () =>
      this.pickersReady() &&
      !this.pickers.customers.loading() &&
      this.pickers.customers.error() === null &&
      this.pickers.customers.options().length === 0,
  );

  constructor() {
    const key = this.draftKey();
    const draft = key ? this.drafts.read<TicketFormInitial>(key) : null;
    if (draft) {
      this.initial.set({ ...NEW_TICKET_DEFAULTS, ...draft });
      this.current.set({ ...NEW_TICKET_DEFAULTS, ...draft });
      this.restored.set(true);
    }
    void this.pickers.customers.now().then(() => this.pickersReady.set(true));
    void this.pickers.assignees.now();
    effect(() => {
      const id = this.customerId();
      if (id && !this.restored()) {
        untracked(() => void this.preselect(id));
      }
    });
  }

  protected async create(value: TicketFormValue): Promise<void> {
    const macroId = this.macroId();
    const ticket = await this.editor.create({ ...toCreateTicketBody(value), ...(macroId ? { macroId } : {}) });
    if (ticket) {
      this.forgetDraft();
      this.actions.toast('Ticket created');
      await this.router.navigate(['/ticket', ticket.id]);
    }
  }

  protected typed(value: TicketFormInitial): void {
    this.current.set(value);
    const key = this.draftKey();
    if (key) this.drafts.write(key, hasContent(value, this.initial()) ? value : null);
  }

  protected startOver(): void {
    this.forgetDraft();
    this.done = false;
    this.restored.set(false);
    this.initial.set({ ...NEW_TICKET_DEFAULTS });
  }

  /** Leaving with something typed asks first; the draft is kept either way. */
  async canLeave(): Promise<boolean> {
    // Signed out (the session ended): the draft is kept and the login page is where to go.
    if (this.done || !this.session.isLoggedIn() || !hasContent(this.current(), this.initial())) return true;
    const key = this.draftKey();
    if (key) this.drafts.flush(key);
    return confirmAction(this.dialogs, {
      title: 'Leave this new ticket?',
      message: "It hasn't been created yet. Your draft is kept: open New ticket again to finish it.",
      confirmLabel: 'Leave',
    });
  }

  /** Closing the tab or reloading with something typed: the browser asks too. */
  @HostListener('window:beforeunload', ['$event'])
  protected beforeUnload(event: BeforeUnloadEvent): void {
    const key = this.draftKey();
    if (key) this.drafts.flush(key);
    if (!this.done && hasContent(this.current(), this.initial())) event.preventDefault();
  }

  private forgetDraft(): void {
    this.done = true;
    const key = this.draftKey();
    if (key) this.drafts.clear(key);
  }

  protected cancel(): void {
    void this.router.navigateByUrl('/tickets');
  }

  protected goToCustomers(): void {
    void this.router.navigateByUrl('/customers');
  }

  private async preselect(id: string): Promise<void> {
    const result = await this.pickers.customerOption(id);
    if (result.ok) {
      this.initial.set({ ...NEW_TICKET_DEFAULTS, customer: result.data });
    }
  }
}

/** Whether the user has typed something, or picked someone other than the page started with. */
function hasContent(value: TicketFormInitial, start: TicketFormInitial = NEW_TICKET_DEFAULTS): boolean {
  const picked = (option: TicketFormInitial['customer'] | string): string =>
    typeof option === 'string' ? option.trim() : (option?.id ?? '');
  return (
    value.title.trim() !== '' ||
    value.description.trim() !== '' ||
    value.photoUrl.trim() !== '' ||
    picked(value.customer) !== picked(start.customer) ||
    picked(value.assignee) !== picked(start.assignee)
  );
}
