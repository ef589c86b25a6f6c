import { DestroyRef, inject, Injectable } from '@angular/core';
import { getCustomer, listCustomers, listUsers } from '@bw/sdk';
import { settle, type Settled } from '../../core/api/sdk-result';
import { SessionStore } from '../../core/auth/session.store';
import { assigneeOptions } from '../../shared/pickers/picker-options';
import { OptionSearch } from '../../shared/pickers/option-search';
import type { PickerOption } from './ticket.model';

const PICKER_PAGE_SIZE = 20;

/**
 * The two pickers of the ticket form: the caller's customers, and the people a ticket can be
 * assigned to ("Me" first, then other users). Provide it where the form is.
 */
@Injectable()
export class TicketPickersStore {
  private readonly session = inject(SessionStore);

  readonly customers = new OptionSearch(async (q) => {
    const result = await settle(() => listCustomers({ query: { limit: PICKER_PAGE_SIZE, ...(q ? { q } : {}) } }));
    return result.ok
      ? { ok: true, data: result.data.items.map((c) => ({ id: c.id, label: c.name, hint: c.email })) }
      : result;
  });

  readonly assignees = new OptionSearch(async (q) => {
    const result = await settle(() => listUsers({ query: { limit: PICKER_PAGE_SIZE, ...(q ? { q } : {}) } }));
    return result.ok ? { ok: true, data: assigneeOptions(this.session.user(), result.data.items, q) } : result;
  });

  constructor() {
    inject(DestroyRef).onDestroy(() => {
      this.customers.dispose();
      this.assignees.dispose();
    });
  }

  /** Loads the first options of both pickers. */
  init(): Promise<unknown> {
    return Promise.all([this.customers.now(), this.assignees.now()]);
  }

  /** One customer as a picker option (to preselect it on /new-ticket?customerId=…). */
  async customerOption(id: string): Promise<Settled<PickerOption>> {
    const result = await settle(() => getCustomer({ path: { id } }));
    return result.ok
      ? { ok: true, data: { id: result.data.id, label: result.data.name, hint: result.data.email } }
      : result;
  }
}
