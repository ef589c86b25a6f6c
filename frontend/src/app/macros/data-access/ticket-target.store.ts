import { computed, DestroyRef, inject, Injectable, signal } from '@angular/core';
import type { TicketDto } from '@bw/sdk';
import type { ApiProblem } from '../../core/api/problem';
import { createTicketSearch, fetchTicket } from '../../core/lookup/ticket-lookup';

interface TargetState {
  readonly ticket: TicketDto | null;
  readonly loading: boolean;
  readonly error: ApiProblem | null;
}

/** The ticket chosen on /macros/apply, and the search to choose it. Provide it in the page. */
@Injectable()
export class TicketTargetStore {
  private readonly state = signal<TargetState>({ ticket: null, loading: false, error: null });
  private generation = 0;

  readonly search = createTicketSearch();
  readonly ticket = computed(() => this.state().ticket);
  readonly loading = computed(() => this.state().loading);
  readonly error = computed(() => this.state().error);

  constructor() {
    inject(DestroyRef).onDestroy(() => this.search.dispose());
  }

  async choose(id: string | null): Promise<void> {
    const generation = ++this.generation;
    if (id === null) {
      this.state.set({ ticket: null, loading: false, error: null });
      return;
    }
    this.state.set({ ticket: null, loading: true, error: null });
    const result = await fetchTicket(id);
    if (generation !== this.generation) return;
    this.state.set({
      ticket: result.ok ? result.data : null,
      loading: false,
      error: result.ok ? null : result.problem,
    });
  }

  /** After the macro was applied. */
  setTicket(ticket: TicketDto): void {
    this.state.update((s) => ({ ...s, ticket }));
  }
}
