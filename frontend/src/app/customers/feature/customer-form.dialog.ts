import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { toFormProblem } from '../../core/forms/form-problem';
import { DialogFrameComponent } from '../../shared/dialogs/dialog-frame.component';
import { injectRecordDialog } from '../../shared/dialogs/inject-record-dialog';
import { CustomerEditorStore } from '../data-access/customer-editor.store';
import {
  customerToFormValue,
  EMPTY_CUSTOMER_FORM,
  toCreateCustomerBody,
  toUpdateCustomerBody,
} from '../data-access/customer.model';
import { CUSTOMER_FORM_CONTROLS, CustomerFormComponent } from '../ui/customer-form.component';

/** Creates a customer, or edits one (with "someone else changed it — Reload" on a 409). */
@Component({
  selector: 'bw-customer-form-dialog',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [DialogFrameComponent, CustomerFormComponent],
  providers: [CustomerEditorStore],
  template: `
    <bw-dialog-frame [heading]="customer() ? 'Edit customer' : 'New customer'" [loading]="editor.reloading()">
      <bw-customer-form
        [initial]="initial()"
        [pending]="editor.saving() || editor.reloading()"
        [problem]="problem()"
        [formLabel]="customer() ? 'Edit customer' : 'New customer'"
        [submitLabel]="customer() ? 'Save changes' : 'Create customer'"
        (submitted)="dialog.submit($event)"
        (cancelled)="dialog.close()"
        (reload)="dialog.reload()"
      />
    </bw-dialog-frame>
  `,
})
export class CustomerFormDialogComponent {
  protected readonly editor = inject(CustomerEditorStore);
  protected readonly dialog = injectRecordDialog(this.editor, {
    create: toCreateCustomerBody,
    update: toUpdateCustomerBody,
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
}
