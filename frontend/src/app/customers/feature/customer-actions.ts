import { Injectable } from '@angular/core';
import { RecordActions, type RecordList } from '../../shared/dialogs/record-actions';
import type { ConfirmDialogData } from '../../shared/ui/confirm-dialog.component';
import type { Customer } from '../data-access/customer.model';
import { CustomerFormDialogComponent } from './customer-form.dialog';

/** The Create / Edit / Delete dialogs and toasts shared by the customer pages. */
@Injectable({ providedIn: 'root' })
export class CustomerActions extends RecordActions<Customer> {
  protected readonly noun = 'customer';
  protected readonly formDialog = { component: CustomerFormDialogComponent, width: '600px' };

  /** Opens the create dialog; the new customer goes first in `list`. */
  create(list: RecordList<Customer>): Promise<void> {
    return this.createIn(list);
  }

  protected deleteQuestion(customer: Customer): ConfirmDialogData {
    return {
      title: `Delete ${customer.name}?`,
      message:
        'The customer is removed from your list. Their tickets stay, showing the name and email as they were, marked deleted.',
      confirmLabel: 'Delete customer',
      destructive: true,
    };
  }
}
