import { Injectable } from '@angular/core';
import { createTicket, type CreateTicketDto, getTicket, updateTicket, type UpdateTicketDto } from '@bw/sdk';
import { EditorStore } from '../../core/api/editor-store';
import { settle } from '../../core/api/sdk-result';
import type { Ticket } from './ticket.model';

/** Creates and edits tickets for the new-ticket page and the edit dialog. Provide it where it is used. */
@Injectable()
export class TicketEditorStore extends EditorStore<Ticket, CreateTicketDto, UpdateTicketDto> {
  protected createCall(body: CreateTicketDto) {
    return settle(() => createTicket({ body }));
  }

  protected updateCall(id: string, body: UpdateTicketDto) {
    return settle(() => updateTicket({ path: { id }, body }));
  }

  protected fetchCall(id: string) {
    return settle(() => getTicket({ path: { id } }));
  }
}
