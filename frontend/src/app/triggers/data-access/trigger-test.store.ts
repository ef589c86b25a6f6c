import { computed, DestroyRef, inject, Injectable, signal } from '@angular/core';
import { listCustomers, testTrigger } from '@bw/sdk';
import type { ApiProblem } from '../../core/api/problem';
import { settle } from '../../core/api/sdk-result';
import { createTicketSearch } from '../../core/lookup/ticket-lookup';
import { OptionSearch } from '../../shared/pickers/option-search';
import type { TriggerTestResult } from './trigger.model';

const PICKER_PAGE_SIZE = 20;

interface TestState {
  readonly running: boolean;
  readonly result: TriggerTestResult | null;
  readonly problem: ApiProblem | null;
}

/** The dry run of one trigger against a ticket or customer, and the pickers to choose one. Provide it in the dialog. */
@Injectable()
export class TriggerTestStore {
  private readonly state = signal<TestState>({ running: false, result: null, problem: null });

  readonly running = computed(() => this.state().running);
  readonly result = computed(() => this.state().result);
  readonly problem = computed(() => this.state().problem);

  /** Tickets the caller created or is assigned (the ones a trigger of theirs can fire for). */
  readonly tickets = createTicketSearch();

  readonly customers = new OptionSearch(async (q) => {
    const result = await settle(() => listCustomers({ query: { limit: PICKER_PAGE_SIZE, ...(q ? { q } : {}) } }));
    return result.ok
      ? { ok: true, data: result.data.items.map((c) => ({ id: c.id, label: c.name, hint: c.email })) }
      : result;
  });

  constructor() {
    inject(DestroyRef).onDestroy(() => {
      this.tickets.dispose();
      this.customers.dispose();
    });
  }

  async run(triggerId: string, target: { ticketId: string } | { customerId: string }): Promise<void> {
    if (this.state().running) return;
    this.state.set({ running: true, result: null, problem: null });
    const result = await settle(() => testTrigger({ path: { id: triggerId }, body: target }));
    this.state.set({
      running: false,
      result: result.ok ? result.data : null,
      problem: result.ok ? null : result.problem,
    });
  }

  /** A new choice makes the last result stale. */
  reset(): void {
    if (!this.state().running) this.state.set({ running: false, result: null, problem: null });
  }
}
