import { getTicket, listTickets, type TicketDto } from '@bw/sdk';
import { type Settled, settle } from '../api/sdk-result';
import { OptionSearch } from '../../shared/pickers/option-search';
import type { PickerOption } from '../../shared/pickers/picker-options';
import { statusLabel } from '../../shared/ticket-fields/ticket-labels';

const PICKER_PAGE_SIZE = 20;

export function ticketOption(ticket: TicketDto): PickerOption {
  return { id: ticket.id, label: ticket.title, hint: `${ticket.customer.name} · ${statusLabel(ticket.status)}` };
}

/** The tickets the caller created or is assigned (full-text search), as picker options. */
export function createTicketSearch(): OptionSearch {
  return new OptionSearch(async (q) => {
    const result = await settle(() =>
      listTickets({ query: { box: 'all', limit: PICKER_PAGE_SIZE, ...(q ? { q } : {}) } }),
    );
    return result.ok ? { ok: true, data: result.data.items.map(ticketOption) } : result;
  });
}

/** One ticket, e.g. to preselect it from the URL. */
export function fetchTicket(id: string): Promise<Settled<TicketDto>> {
  return settle(() => getTicket({ path: { id } }));
}
