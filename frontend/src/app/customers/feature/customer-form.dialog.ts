import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { toFormProblem } from '../../core/forms/form-problem';
import { CustomerEditorStore } from '../data-access/customer-editor.store';
import {
  type Customer,
  type CustomerFormValue,
  customerToFormValue,
  EMPTY_CUSTOMER_FORM,
  toCreateCustomerBody,
  toUpdateCustomerBody,
} from '../data-access/customer.model';
import { CUSTOMER_FORM_CONTROLS, CustomerFormComponent } from '../ui/customer-form.component';

export interface CustomerDialogData {
  /** The customer to edit; absent to create one. */
  readonly customer?: Customer;
}

/** The newer customer, and whether the user saved it (or only reloaded it after a conflict). */
export interface CustomerDialogResult {
  readonly customer: Customer;
  readonly saved: boolean;
}

/** Creates a customer, or edits one (with "someone else changed it — Reload" on a 409). */
@Component({
  selector: 'bw-customer-form-dialog',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatDialogModule, MatProgressBarModule, CustomerFormComponent],
  providers: [CustomerEditorStore],
  template: `
    <h2 mat-dialog-title>{{ customer() ? 'Edit customer' : 'New customer' }}</h2>
    <mat-dialog-content>
      <div class="bw-progress">
        @if (editor.reloading()) {
          <mat-progress-bar mode="indeterminate" aria-label="Loading the latest version" />
        }
      </div>
      <bw-customer-form
        [initial]="initial()"
        [pending]="editor.saving() || editor.reloading()"
        [problem]="problem()"
        [formLabel]="customer() ? 'Edit customer' : 'New customer'"
        [submitLabel]="customer() ? 'Save changes' : 'Create customer'"
        (submitted)="save($event)"
        (cancelled)="close()"
        (reload)="reload()"
      />
    </mat-dialog-content>
  `,
  styles: `
    mat-dialog-content {
      padding-top: 0;
    }
  `,
})
export class CustomerFormDialogComponent {
  private readonly data = inject<CustomerDialogData>(MAT_DIALOG_DATA);
  private readonly ref = inject<MatDialogRef<CustomerFormDialogComponent, CustomerDialogResult | undefined>>(MatDialogRef);
  protected readonly editor = inject(CustomerEditorStore);

  protected readonly customer = signal<Customer | null>(this.data.customer ?? null);
  private changed = false;

  protected readonly initial = computed(() => {
    const customer = this.customer();
    return customer ? customerToFormValue(customer) : EMPTY_CUSTOMER_FORM;
  });
  protected readonly problem = computed(() => {
    const problem = this.editor.problem();
    return problem ? toFormProblem(problem, CUSTOMER_FORM_CONTROLS) : null;
  });

  constructor() {
    this.ref.disableClose = true;
    this.ref.backdropClick().subscribe(() => this.close());
    this.ref.keydownEvents().subscribe((event) => {
      if (event.key === 'Escape') {
        this.close();
      }
    });
  }

  protected async save(value: CustomerFormValue): Promise<void> {
    const customer = this.customer();
    if (customer === null) {
      const created = await this.editor.create(toCreateCustomerBody(value));
      if (created) this.ref.close({ customer: created, saved: true });
      return;
    }
    const body = toUpdateCustomerBody(customer, value);
    if (body === null) {
      this.close();
      return;
    }
    const saved = await this.editor.update(customer.id, body);
    if (saved) this.ref.close({ customer: saved, saved: true });
  }

  protected async reload(): Promise<void> {
    const customer = this.customer();
    if (customer === null) return;
    const latest = await this.editor.fetch(customer.id);
    if (latest) {
      this.changed = true;
      this.customer.set(latest);
    }
  }

  protected close(): void {
    const customer = this.customer();
    this.ref.close(this.changed && customer ? { customer, saved: false } : undefined);
  }
}
