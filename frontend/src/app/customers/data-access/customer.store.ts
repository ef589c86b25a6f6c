import { computed, DestroyRef, inject, Injectable, signal } from '@angular/core';
import { deleteCustomer, getCustomer, listTickets, type TicketDto } from '@bw/sdk';
import type { ApiProblem } from '../../core/api/problem';
import { settle } from '../../core/api/sdk-result';
import { SessionStore } from '../../core/auth/session.store';
import { LiveEvents } from '../../core/live/live-events.service';
import { TICKET_EVENT_NAMES } from '../../core/live/live-event.types';
import { applyTicketEvent, type TicketListScope } from '../../core/live/ticket-list-events';
import type { Customer } from './customer.model';
import { scanForMatches } from './ticket-scan';

const SCAN_PAGE_SIZE = 100;
const TICKETS_WANTED = 10;
const MAX_PAGES_PER_SCAN = 5;

interface CustomerState {
  readonly customer: Customer | null;
  readonly loading: boolean;
  readonly error: ApiProblem | null;
  readonly deleting: boolean;
  readonly deleteError: ApiProblem | null;
}

interface TicketsState {
  readonly items: readonly TicketDto[];
  /** Where the scan of the caller's outgoing tickets continues; `null` when it is done. */
  readonly cursor: string | null;
  readonly started: boolean;
  readonly loading: boolean;
  readonly error: ApiProblem | null;
  /** Where the scan that failed started, to try it again. */
  readonly failedFrom: string | undefined;
}

const INITIAL_CUSTOMER: CustomerState = {
  customer: null,
  loading: false,
  error: null,
  deleting: false,
  deleteError: null,
};
const INITIAL_TICKETS: TicketsState = {
  items: [],
  cursor: null,
  started: false,
  loading: false,
  error: null,
  failedFrom: undefined,
};

/**
 * One customer (/customer/:id), deleting it, and the caller's tickets for it, which follow the
 * live stream (a ticket changed, created for the customer, or deleted shows at once). Provide it in the page.
 */
@Injectable()
export class CustomerStore {
  private readonly session = inject(SessionStore);
  private readonly state = signal<CustomerState>(INITIAL_CUSTOMER);
  private readonly ticketsState = signal<TicketsState>(INITIAL_TICKETS);
  private id: string | null = null;

  readonly customer = computed(() => this.state().customer);
  readonly loading = computed(() => this.state().loading);
  readonly error = computed(() => this.state().error);
  readonly deleting = computed(() => this.state().deleting);
  readonly deleteError = computed(() => this.state().deleteError);

  readonly tickets = computed(() => this.ticketsState().items);
  readonly ticketsLoading = computed(() => this.ticketsState().loading);
  readonly ticketsError = computed(() => this.ticketsState().error);
  readonly moreTickets = computed(() => this.ticketsState().started && this.ticketsState().cursor !== null);
  readonly noTickets = computed(() => {
    const s = this.ticketsState();
    return s.started && !s.loading && s.error === null && s.cursor === null && s.items.length === 0;
  });

  constructor() {
    const live = inject(LiveEvents);
    const subscriptions = [
      live.on(...TICKET_EVENT_NAMES).subscribe((event) => {
        const scope = this.ticketScope();
        if (!scope || !this.ticketsState().started) return;
        this.ticketsState.update((s) => {
          const items = applyTicketEvent(s.items, event, scope, s.cursor !== null);
          return items === s.items ? s : { ...s, items };
        });
      }),
      live.reset$.subscribe(() => {
        if (this.id !== null) void this.load(this.id);
      }),
    ];
    inject(DestroyRef).onDestroy(() => subscriptions.forEach((s) => s.unsubscribe()));
  }

  /** Every ticket for one of the caller's customers was created by the caller. */
  private ticketScope(): TicketListScope | null {
    const customerId = this.id;
    const meId = this.session.user()?.id ?? null;
    if (customerId === null) return null;
    return { includes: (t) => t.customerId === customerId && t.creator.id === meId, addsNew: true };
  }

  async load(id: string): Promise<void> {
    this.id = id;
    this.state.set({ ...INITIAL_CUSTOMER, loading: true });
    this.ticketsState.set(INITIAL_TICKETS);
    const [result] = await Promise.all([settle(() => getCustomer({ path: { id } })), this.scanTickets(id)]);
    if (this.id !== id) {
      return;
    }
    this.state.update((s) => ({
      ...s,
      loading: false,
      customer: result.ok ? result.data : null,
      error: result.ok ? null : result.problem,
    }));
  }

  /** After an edit (the dialog) produced a newer version. */
  setCustomer(customer: Customer): void {
    this.state.update((s) => ({ ...s, customer }));
  }

  async delete(): Promise<boolean> {
    const customer = this.customer();
    if (customer === null || this.deleting()) {
      return false;
    }
    this.state.update((s) => ({ ...s, deleting: true, deleteError: null }));
    const result = await settle(() => deleteCustomer({ path: { id: customer.id } }));
    const gone = result.ok || result.problem.status === 404;
    this.state.update((s) => ({ ...s, deleting: false, deleteError: gone || result.ok ? null : result.problem }));
    return gone;
  }

  /** Continues the scan for more of this customer's tickets. */
  loadMoreTickets(): Promise<void> {
    const id = this.id;
    const { cursor, loading } = this.ticketsState();
    if (id === null || cursor === null || loading) {
      return Promise.resolve();
    }
    return this.scanTickets(id, cursor);
  }

  retryTickets(): Promise<void> {
    const id = this.id;
    if (id === null) return Promise.resolve();
    return this.scanTickets(id, this.ticketsState().failedFrom);
  }

  private async scanTickets(customerId: string, from?: string): Promise<void> {
    this.ticketsState.update((s) => ({ ...s, loading: true, error: null }));
    const result = await scanForMatches(
      (cursor) =>
        settle(() => listTickets({ query: { box: 'outgoing', limit: SCAN_PAGE_SIZE, ...(cursor ? { cursor } : {}) } })),
      (ticket) => ticket.customerId === customerId,
      from,
      TICKETS_WANTED,
      MAX_PAGES_PER_SCAN,
    );
    if (this.id !== customerId) {
      return;
    }
    if (result.ok) {
      const known = new Set(this.ticketsState().items.map((t) => t.id));
      this.ticketsState.update((s) => ({
        items: [...s.items, ...result.data.matches.filter((t) => !known.has(t.id))],
        cursor: result.data.cursor,
        started: true,
        loading: false,
        error: null,
        failedFrom: undefined,
      }));
    } else {
      this.ticketsState.update((s) => ({
        ...s,
        started: true,
        loading: false,
        error: result.problem,
        failedFrom: from,
      }));
    }
  }
}
