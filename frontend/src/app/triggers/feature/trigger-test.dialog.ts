import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { FormControl, ReactiveFormsModule } from '@angular/forms';
import { MatAutocompleteModule } from '@angular/material/autocomplete';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { problemMessage } from '../../core/api/problem-message';
import { AlertComponent } from '../../shared/ui/alert.component';
import type { PickerOption } from '../../shared/pickers/picker-options';
import { TriggerTestStore } from '../data-access/trigger-test.store';
import { eventLabel, isTicketEvent, type Trigger } from '../data-access/trigger.model';
import { TriggerTestResultComponent } from '../ui/trigger-test-result.component';

export interface TriggerTestDialogData {
  readonly trigger: Trigger;
}

/** "Test": runs the trigger against a ticket (or, for customer.deleted, a customer) without sending anything. */
@Component({
  selector: 'bw-trigger-test-dialog',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    MatDialogModule,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatAutocompleteModule,
    MatProgressBarModule,
    AlertComponent,
    TriggerTestResultComponent,
  ],
  providers: [TriggerTestStore],
  template: `
    <h2 mat-dialog-title>Test “{{ trigger.name }}”</h2>
    <mat-dialog-content>
      <p class="intro">
        Would this trigger fire if <strong>{{ event }}</strong> happened
        {{ forTicket ? 'to this ticket' : 'to this customer' }} now? A dry run: nothing is saved or sent.
      </p>
      <form class="pick" (submit)="$event.preventDefault(); run()" [attr.aria-label]="'Test ' + trigger.name">
        <mat-form-field appearance="outline" class="field">
          <mat-label>{{ forTicket ? 'Ticket' : 'Customer' }}</mat-label>
          <input matInput [formControl]="target" autocomplete="off" [matAutocomplete]="auto" (input)="typed($event)" />
          <mat-autocomplete
            #auto="matAutocomplete"
            [displayWith]="display"
            requireSelection
            (optionSelected)="store.reset()"
          >
            @for (option of search.options(); track option.id) {
              <mat-option [value]="option">
                <span class="option-label">{{ option.label }}</span>
                @if (option.hint) {
                  <span class="option-hint">{{ option.hint }}</span>
                }
              </mat-option>
            } @empty {
              <mat-option disabled>{{
                search.loading() ? 'Searching…' : forTicket ? 'No tickets match' : 'No customers match'
              }}</mat-option>
            }
          </mat-autocomplete>
          <mat-hint>{{
            forTicket ? 'One of the tickets you created or are assigned' : 'One of your customers (it is not deleted)'
          }}</mat-hint>
        </mat-form-field>
        <button matButton="filled" type="submit" class="run" [disabled]="!picked() || store.running()">
          {{ store.running() ? 'Testing…' : 'Run test' }}
        </button>
      </form>

      <div class="bw-progress">
        @if (store.running()) {
          <mat-progress-bar mode="indeterminate" aria-label="Running the test" />
        }
      </div>
      @if (errorMessage(); as message) {
        <bw-alert [message]="message" />
      }
      @if (store.result(); as result) {
        <bw-trigger-test-result [result]="result" />
      }
    </mat-dialog-content>
    <mat-dialog-actions align="end">
      <button matButton type="button" mat-dialog-close>Close</button>
    </mat-dialog-actions>
  `,
  styles: `
    .intro {
      margin: 0 0 16px;
      color: var(--mat-sys-on-surface-variant);
      font: var(--mat-sys-body-medium);
    }
    .pick {
      display: flex;
      align-items: flex-start;
      gap: 12px;
    }
    .field {
      flex: 1;
    }
    .run {
      margin-top: 8px;
    }
    .option-label {
      display: block;
    }
    .option-hint {
      display: block;
      font: var(--mat-sys-body-small);
      color: var(--mat-sys-on-surface-variant);
    }
  `,
})
export class TriggerTestDialogComponent {
  protected readonly trigger = inject<TriggerTestDialogData>(MAT_DIALOG_DATA).trigger;
  protected readonly store = inject(TriggerTestStore);
  protected readonly forTicket = isTicketEvent(this.trigger.event);
  protected readonly event = eventLabel(this.trigger.event).toLowerCase();
  protected readonly search = this.forTicket ? this.store.tickets : this.store.customers;
  protected readonly target = new FormControl<PickerOption | string | null>(null);
  private readonly targetValue = toSignal(this.target.valueChanges, { initialValue: null });
  protected readonly picked = computed(() => {
    const value = this.targetValue();
    return value !== null && typeof value === 'object' ? value : null;
  });
  protected readonly errorMessage = computed(() => {
    const problem = this.store.problem();
    return problem ? problemMessage(problem) : null;
  });
  protected readonly display = (value: PickerOption | string | null): string =>
    typeof value === 'string' ? value : (value?.label ?? '');

  constructor() {
    void this.search.now();
  }

  protected typed(event: Event): void {
    this.search.search((event.target as HTMLInputElement).value);
  }

  protected run(): void {
    const target = this.picked();
    if (!target) return;
    void this.store.run(this.trigger.id, this.forTicket ? { ticketId: target.id } : { customerId: target.id });
  }
}
