import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { toFormProblem } from '../../core/forms/form-problem';
import { EditDialog } from '../../shared/dialogs/edit-dialog';
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
  protected readonly editor = inject(CustomerEditorStore);
  private readonly dialog = new EditDialog<Customer, CustomerDialogResult>(inject(MatDialogRef), {
    record: inject<CustomerDialogData>(MAT_DIALOG_DATA).customer ?? null,
    fetch: (id) => this.editor.fetch(id),
    result: (customer, saved) => ({ customer, saved }),
  });

  protected readonly customer = this.dialog.record;

  protected readonly initial = computed(() => {
    const customer = this.customer();
    return customer ? customerToFormValue(customer) : EMPTY_CUSTOMER_FORM;
  });
  protected readonly problem = computed(() => {
    const problem = this.editor.problem();
    return problem ? toFormProblem(problem, CUSTOMER_FORM_CONTROLS) : null;
  });

  protected save(value: CustomerFormValue): Promise<void> {
    return this.dialog.save({
      create: () => this.editor.create(toCreateCustomerBody(value)),
      update: (customer) => {
        const body = toUpdateCustomerBody(customer, value);
        return body && this.editor.update(customer.id, body);
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
