import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal, untracked } from '@angular/core';
import { FormControl, ReactiveFormsModule } from '@angular/forms';
import { MatAutocompleteModule } from '@angular/material/autocomplete';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { Router, RouterLink } from '@angular/router';
import type { Ticket } from '../../shared/ticket-fields/ticket-fields';
import { problemMessage } from '../../core/api/problem-message';
import { AlertComponent } from '../../shared/ui/alert.component';
import { PageHeaderComponent } from '../../shared/ui/page-header.component';
import { priorityLabel, statusLabel, topicLabel, typeLabel } from '../../shared/ticket-fields/ticket-labels';
import type { PickerOption } from '../../shared/pickers/picker-options';
import { ticketOption } from '../../core/lookup/ticket-lookup';
import { TicketTargetStore } from '../data-access/ticket-target.store';
import { MacroApplyComponent } from './macro-apply.component';

/** `/macros/apply?ticketId=`: choose a ticket, then a macro; preview it and apply it. */
@Component({
  selector: 'bw-macro-apply-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatAutocompleteModule,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressBarModule,
    AlertComponent,
    MacroApplyComponent,
    PageHeaderComponent,
  ],
  providers: [TicketTargetStore],
  template: `
    <section class="bw-page narrow">
      <a class="back" routerLink="/macros">← Macros</a>
      <header
        bwPageHeader
        heading="Apply a macro"
        subheading="Choose a ticket and a macro. You see what it would change before anything is saved."
      ></header>

      <div class="bw-panel card">
        <mat-form-field appearance="outline" class="field">
          <mat-label>Ticket</mat-label>
          <input matInput [formControl]="target" autocomplete="off" [matAutocomplete]="auto" (input)="typed($event)" />
          <mat-autocomplete
            #auto="matAutocomplete"
            [displayWith]="display"
            requireSelection
            (optionSelected)="chosen($event.option.value)"
          >
            @for (option of store.search.options(); track option.id) {
              <mat-option [value]="option">
                <span class="option-label">{{ option.label }}</span>
                <span class="option-hint">{{ option.hint }}</span>
              </mat-option>
            } @empty {
              <mat-option disabled>{{ store.search.loading() ? 'Searching…' : 'No tickets match' }}</mat-option>
            }
          </mat-autocomplete>
          <mat-hint>A ticket you created or are assigned; type to search titles and descriptions</mat-hint>
        </mat-form-field>

        <div class="bw-progress">
          @if (store.loading()) {
            <mat-progress-bar mode="indeterminate" aria-label="Loading the ticket" />
          }
        </div>
        @if (errorMessage(); as message) {
          <bw-alert [message]="message" />
        }

        @if (store.ticket(); as t) {
          <dl class="current" aria-label="The ticket now" data-testid="current-ticket">
            <div>
              <dt>Status</dt>
              <dd>{{ labels.status(t.status) }}</dd>
            </div>
            <div>
              <dt>Priority</dt>
              <dd>{{ labels.priority(t.priority) }}</dd>
            </div>
            <div>
              <dt>Type</dt>
              <dd>{{ labels.type(t.type) }}</dd>
            </div>
            <div>
              <dt>Topic</dt>
              <dd>{{ labels.topic(t.topic) }}</dd>
            </div>
            <div>
              <dt>Assignee</dt>
              <dd>{{ t.assignee.username }}</dd>
            </div>
          </dl>
          <p class="open"><a [routerLink]="['/ticket', t.id]">Open the ticket</a></p>
          <bw-macro-apply [ticketId]="t.id" [ticket]="t" (applied)="applied($event)" />
        }
        @if (appliedTo(); as t) {
          <bw-alert
            tone="info"
            [message]="'Applied to “' + t.title + '”.'"
            actionLabel="Open the ticket"
            (action)="open(t)"
          />
        }
      </div>
    </section>
  `,
  styles: `
    .narrow {
      max-width: 820px;
    }
    .back {
      display: inline-block;
      margin-bottom: 12px;
      font: var(--mat-sys-body-medium);
    }
    .card {
      padding: 24px;
    }
    .field {
      width: 100%;
    }
    .option-label,
    .option-hint {
      display: block;
    }
    .option-hint {
      font: var(--mat-sys-body-small);
      color: var(--mat-sys-on-surface-variant);
    }
    .current {
      display: flex;
      flex-wrap: wrap;
      gap: 4px 20px;
      margin: 0 0 4px;
      font: var(--mat-sys-body-small);
    }
    .open {
      margin: 0 0 16px;
      font: var(--mat-sys-body-small);
    }
    .current div {
      display: flex;
      gap: 6px;
    }
    dt {
      color: var(--mat-sys-on-surface-variant);
    }
    dd {
      margin: 0;
      font-weight: 600;
    }
  `,
})
export class MacroApplyPage {
  /** `?ticketId=`, bound by the router: preselects the ticket. */
  readonly ticketId = input<string>();

  private readonly router = inject(Router);
  protected readonly store = inject(TicketTargetStore);
  protected readonly target = new FormControl<PickerOption | string | null>(null);
  protected readonly appliedTo = signal<Ticket | null>(null);
  protected readonly labels = { status: statusLabel, priority: priorityLabel, type: typeLabel, topic: topicLabel };
  protected readonly errorMessage = computed(() => {
    const error = this.store.error();
    return error ? problemMessage(error) : null;
  });
  protected readonly display = (value: PickerOption | string | null): string =>
    typeof value === 'string' ? value : (value?.label ?? '');

  constructor() {
    void this.store.search.now();
    effect(() => {
      const id = this.ticketId();
      untracked(() => {
        if (id && id !== this.store.ticket()?.id) void this.preselect(id);
      });
    });
  }

  protected typed(event: Event): void {
    this.store.search.search((event.target as HTMLInputElement).value);
  }

  protected chosen(option: PickerOption): void {
    this.appliedTo.set(null);
    void this.router.navigate([], { queryParams: { ticketId: option.id }, replaceUrl: true });
  }

  protected applied(ticket: Ticket): void {
    this.store.setTicket(ticket);
    this.appliedTo.set(ticket);
  }

  protected open(ticket: Ticket): void {
    void this.router.navigate(['/ticket', ticket.id]);
  }

  private async preselect(id: string): Promise<void> {
    await this.store.choose(id);
    const ticket = this.store.ticket();
    if (ticket) this.target.setValue(ticketOption(ticket), { emitEvent: false });
  }
}
