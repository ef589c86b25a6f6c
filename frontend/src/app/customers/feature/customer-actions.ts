import { Injectable } from '@angular/core';
import { RecordActions } from '../../shared/dialogs/record-actions';
import type { ConfirmDialogData } from '../../shared/ui/confirm-dialog.component';
import type { Customer } from '../data-access/customer.model';
import {
  type CustomerDialogData,
  type CustomerDialogResult,
  CustomerFormDialogComponent,
} from './customer-form.dialog';

/** The Create / Edit / Delete dialogs and toasts shared by the customer pages. */
@Injectable({ providedIn: 'root' })
export class CustomerActions extends RecordActions<Customer> {
  protected readonly noun = 'customer';

  /** Resolves to the new customer, or nothing when the dialog was cancelled. */
  async create(): Promise<Customer | undefined> {
    const result = await this.open({});
    if (result?.saved) this.toast('Customer created');
    return result?.customer;
  }

  /** Resolves to the newer customer when it was saved or reloaded. */
  async edit(customer: Customer): Promise<Customer | undefined> {
    const result = await this.open({ customer });
    if (result?.saved) this.toast('Customer saved');
    return result?.customer;
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

  private open(data: CustomerDialogData): Promise<CustomerDialogResult | undefined> {
    return this.openDialog(CustomerFormDialogComponent, data, '600px');
  }
}
