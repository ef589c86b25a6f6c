import { computed, Injectable, signal } from '@angular/core';
import { createTicket, type CreateTicketDto, getTicket, updateTicket, type UpdateTicketDto } from '@bw/sdk';
import type { ApiProblem } from '../../core/api/problem';
import { type Settled, settle } from '../../core/api/sdk-result';
import type { Ticket } from './ticket.model';

interface EditorState {
  readonly saving: boolean;
  readonly reloading: boolean;
  /** Why the last save failed (400 field errors, 403, 409 stale version, …). */
  readonly problem: ApiProblem | null;
}

/** Creates and edits tickets for the new-ticket page and the edit dialog. Provide it there. */
@Injectable()
export class TicketEditorStore {
  private readonly state = signal<EditorState>({ saving: false, reloading: false, problem: null });

  readonly saving = computed(() => this.state().saving);
  readonly reloading = computed(() => this.state().reloading);
  readonly problem = computed(() => this.state().problem);

  create(body: CreateTicketDto): Promise<Ticket | null> {
    return this.save(() => settle(() => createTicket({ body })));
  }

  update(id: string, body: UpdateTicketDto): Promise<Ticket | null> {
    return this.save(() => settle(() => updateTicket({ path: { id }, body })));
  }

  /** The latest version of a ticket, e.g. after a 409. */
  async fetch(id: string): Promise<Ticket | null> {
    this.state.update((s) => ({ ...s, reloading: true }));
    const result = await settle(() => getTicket({ path: { id } }));
    this.state.set({ saving: false, reloading: false, problem: result.ok ? null : result.problem });
    return result.ok ? result.data : null;
  }

  private async save(call: () => Promise<Settled<Ticket>>): Promise<Ticket | null> {
    if (this.state().saving) {
      return null;
    }
    this.state.set({ saving: true, reloading: false, problem: null });
    const result = await call();
    this.state.set({ saving: false, reloading: false, problem: result.ok ? null : result.problem });
    return result.ok ? result.data : null;
  }
}
