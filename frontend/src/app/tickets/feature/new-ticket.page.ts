import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal, untracked } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { Router, RouterLink } from '@angular/router';
import { MacroPickerComponent } from '../../macros';
import { problemMessage } from '../../core/api/problem-message';
import { toFormProblem } from '../../core/forms/form-problem';
import { AlertComponent } from '../../shared/ui/alert.component';
import { PageHeaderComponent } from '../../shared/ui/page-header.component';
import { toCreateTicketBody } from '../data-access/ticket-body';
import { TicketEditorStore } from '../data-access/ticket-editor.store';
import { TicketPickersStore } from '../data-access/ticket-pickers.store';
import { NEW_TICKET_DEFAULTS, type TicketFormInitial, type TicketFormValue } from '../data-access/ticket.model';
import { TICKET_FIELD_TO_CONTROL, TICKET_FORM_CONTROLS, TicketFormComponent } from '../ui/ticket-form.component';
import { TicketActions } from './ticket-actions';

/** `/new-ticket`: write and send a ticket. `?customerId=` preselects the customer. */
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
export class NewTicketPage {
  /** `?customerId=`, bound by the router. */
  readonly customerId = input<string>();

  private readonly router = inject(Router);
  private readonly actions = inject(TicketActions);
  protected readonly editor = inject(TicketEditorStore);
  protected readonly pickers = inject(TicketPickersStore);

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
    void this.pickers.customers.now().then(() => this.pickersReady.set(true));
    void this.pickers.assignees.now();
    effect(() => {
      const id = this.customerId();
      if (id) {
        untracked(() => void this.preselect(id));
      }
    });
  }

  protected async create(value: TicketFormValue): Promise<void> {
    const macroId = this.macroId();
    const ticket = await this.editor.create({ ...toCreateTicketBody(value), ...(macroId ? { macroId } : {}) });
    if (ticket) {
      this.actions.toast('Ticket created');
      await this.router.navigate(['/ticket', ticket.id]);
    }
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
