import { Injectable } from '@nestjs/common';
import { Presence, PresenceState } from '../../../platform/live/presence.service';
import type { Page } from '../../../platform/pagination/cursor';
import { IdentityService } from '../../identity';
import { HistoryItem, TicketHistory } from './ticket-history.service';
import { TicketQueries } from './ticket-queries.service';

/** A ticket's history and presence, for its creator and assignee (404 for anyone else). */
@Injectable()
export class TicketActivity {
  constructor(
    private readonly historyOf: TicketHistory,
    private readonly queries: TicketQueries,
    private readonly identity: IdentityService,
    private readonly presence: Presence,
  ) {}

  history(actorId: string, ticketId: string, query: { limit?: number; cursor?: string }): Promise<Page<HistoryItem>> {
    return this.historyOf.list(actorId, ticketId, query);
  }

  async reportPresence(actorId: string, ticketId: string, state: PresenceState): Promise<void> {
    const [ticket, users] = await Promise.all([
      this.queries.readVisible(actorId, ticketId),
      this.identity.summaries([actorId]),
    ]);
    await this.presence.report({
      ticketId,
      user: { id: actorId, username: users.get(actorId)?.username ?? '' },
      state,
      audience: [ticket.creatorId, ticket.assigneeId],
    });
  }
}
