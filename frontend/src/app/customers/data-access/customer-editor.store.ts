import { computed, Injectable, signal } from '@angular/core';
import { createCustomer, type CreateCustomerDto, getCustomer, updateCustomer, type UpdateCustomerDto } from '@bw/sdk';
import type { ApiProblem } from '../../core/api/problem';
import { type Settled, settle } from '../../core/api/sdk-result';
import type { Customer } from './customer.model';

interface EditorState {
  readonly saving: boolean;
  readonly reloading: boolean;
  readonly problem: ApiProblem | null;
}

/** Creates and edits customers for the customer dialog. Provide it there. */
@Injectable()
export class CustomerEditorStore {
  private readonly state = signal<EditorState>({ saving: false, reloading: false, problem: null });

  readonly saving = computed(() => this.state().saving);
  readonly reloading = computed(() => this.state().reloading);
  readonly problem = computed(() => this.state().problem);

  create(body: CreateCustomerDto): Promise<Customer | null> {
    return this.save(() => settle(() => createCustomer({ body })));
  }

  update(id: string, body: UpdateCustomerDto): Promise<Customer | null> {
    return this.save(() => settle(() => updateCustomer({ path: { id }, body })));
  }

  /** The latest version of a customer, e.g. after a 409. */
  async fetch(id: string): Promise<Customer | null> {
    this.state.update((s) => ({ ...s, reloading: true }));
    const result = await settle(() => getCustomer({ path: { id } }));
    this.state.set({ saving: false, reloading: false, problem: result.ok ? null : result.problem });
    return result.ok ? result.data : null;
  }

  private async save(call: () => Promise<Settled<Customer>>): Promise<Customer | null> {
    if (this.state().saving) {
      return null;
    }
    this.state.set({ saving: true, reloading: false, problem: null });
    const result = await call();
    this.state.set({ saving: false, reloading: false, problem: result.ok ? null : result.problem });
    return result.ok ? result.data : null;
  }
}
