import { computed, DestroyRef, inject, Injectable, signal } from '@angular/core';
import { UserDirectory } from '../../core/lookup/user-directory';
import type { PickerOption } from '../../shared/pickers/picker-options';
import { TicketPickersStore } from './ticket-pickers.store';

/**
 * The choices of the list's customer and assignee filters, and the names of the ones picked
 * (the URL holds only ids: a shared or reloaded link shows the names once they are read).
 * Provide it in the page.
 */
@Injectable()
export class TicketFilterOptionsStore {
  private readonly directory = inject(UserDirectory);
  private readonly pickers = inject(TicketPickersStore);
  private readonly customerNames = signal<ReadonlyMap<string, PickerOption>>(new Map());
  private readonly customerId = signal<string | null>(null);
  private readonly assigneeId = signal<string | null>(null);

  readonly customers = this.pickers.customers;
  readonly assignees = this.directory.createSearch();

  readonly customer = computed(() => {
    const id = this.customerId();
    return id ? (this.customerNames().get(id) ?? { id, label: 'Customer' }) : null;
  });
  readonly assignee = computed(() => {
    const id = this.assigneeId();
    if (!id) return null;
    const name = this.directory.name(id);
    return { id, label: name ?? 'Assignee' };
  });

  constructor() {
    inject(DestroyRef).onDestroy(() => this.assignees.dispose());
  }

  /** The ids the filters hold now; looks up the names not known yet. */
  show(customerId: string | null, assigneeId: string | null): void {
    this.customerId.set(customerId);
    this.assigneeId.set(assigneeId);
    if (assigneeId) void this.directory.ensure([assigneeId]);
    if (customerId && !this.customerNames().has(customerId)) void this.lookUpCustomer(customerId);
  }

  /** A customer just picked from the options: its name is known. */
  remember(option: PickerOption | null): void {
    if (option) this.customerNames.update((names) => new Map(names).set(option.id, option));
  }

  private async lookUpCustomer(id: string): Promise<void> {
    const known = this.customers.options().find((option) => option.id === id);
    if (known) {
      this.remember(known);
      return;
    }
    const result = await this.pickers.customerOption(id);
    if (result.ok) this.remember(result.data);
  }
}
