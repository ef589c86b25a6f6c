import { Injectable } from '@angular/core';
import { createCustomer, type CreateCustomerDto, getCustomer, updateCustomer, type UpdateCustomerDto } from '@bw/sdk';
import { EditorStore } from '../../core/api/editor-store';
import { settle } from '../../core/api/sdk-result';
import type { Customer } from './customer.model';

/** Creates and edits customers for the customer dialog. Provide it where it is used. */
@Injectable()
export class CustomerEditorStore extends EditorStore<Customer, CreateCustomerDto, UpdateCustomerDto> {
  protected createCall(body: CreateCustomerDto) {
    return settle(() => createCustomer({ body }));
  }

  protected updateCall(id: string, body: UpdateCustomerDto) {
    return settle(() => updateCustomer({ path: { id }, body }));
  }

  protected fetchCall(id: string) {
    return settle(() => getCustomer({ path: { id } }));
  }
}
