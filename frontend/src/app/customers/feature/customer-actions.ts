import { inject, Injectable } from '@angular/core';
import { MatDialog } from '@angular/material/dialog';
import { MatSnackBar } from '@angular/material/snack-bar';
import { firstValueFrom } from 'rxjs';
import type { ApiProblem } from '../../core/api/problem';
import { problemMessage } from '../../core/api/problem-message';
import { confirmAction } from '../../shared/ui/confirm-dialog.component';
import type { Customer } from '../data-access/customer.model';
import { type CustomerDialogData, type CustomerDialogResult, CustomerFormDialogComponent } from './customer-form.dialog';

/** The Create / Edit / Delete dialogs and toasts shared by the customer pages. */
@Injectable({ providedIn: 'root' })
export class CustomerActions {
  private readonly dialog = inject(MatDialog);
  private readonly snackBar = inject(MatSnackBar);

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

  confirmDelete(customer: Customer): Promise<boolean> {
    return confirmAction(this.dialog, {
      title: `Delete ${customer.name}?`,
      message: 'The customer is removed from your list. Their tickets stay, showing the name and email as they were, marked deleted.',
      confirmLabel: 'Delete customer',
      destructive: true,
    });
  }

  toast(message: string): void {
    this.snackBar.open(message, undefined, { duration: 4000 });
  }

  failed(what: string, problem: ApiProblem): void {
    this.snackBar.open(`${what}: ${problemMessage(problem)}`, 'Dismiss', { duration: 8000 });
  }

  private open(data: CustomerDialogData): Promise<CustomerDialogResult | undefined> {
    const ref = this.dialog.open<CustomerFormDialogComponent, CustomerDialogData, CustomerDialogResult | undefined>(CustomerFormDialogComponent, {
      data,
      width: '600px',
      maxWidth: 'calc(100vw - 32px)',
      autoFocus: 'first-tabbable',
    });
    return firstValueFrom(ref.afterClosed());
  }
}
