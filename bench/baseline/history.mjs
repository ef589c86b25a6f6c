// The app's ticket history (TicketHistory.list, first page), statement for statement.
import { createHmac } from 'node:crypto';

const CURSOR_KEY = 'baseline-cursor-key';
// TICKET_HISTORY_ACTIONS: the log's entries a history shows, by event name.
const ACTIONS = {
  'ticket.created': 'created',
  'ticket.updated': 'updated',
  'ticket.closed': 'closed',
  'ticket.reopened': 'reopened',
  'ticket.overdue': 'overdue',
  'comment.created': 'commented',
};

export function ticketHistory(q) {
  /** `GET /api/tickets/:id/history?limit=`: null when the ticket is not the actor's. */
  return async function history(actorId, ticketId, query) {
    const limit = Number(query.get('limit') ?? 10);
    const visible = await q(`select 1 from tickets where id = $1 and (creator_id = $2 or assignee_id = $3)`, [
      ticketId,
      actorId,
      actorId,
    ]);
    if (visible.length === 0) return null;
    const rows = await q(
      `select tx::text, seq::text, name, payload, actor_id, occurred_at, audience, subject_id from outbox_events where subject_id = $1 order by outbox_events.tx, outbox_events.seq limit $2`,
      [ticketId, limit + 1],
    );
    const entries = rows.filter((r) => r.name in ACTIONS);
    const page = entries.slice(0, limit);
    const last = page[page.length - 1];
    let nextCursor = null;
    if (entries.length > limit && last) {
      const payload = Buffer.from(JSON.stringify([last.occurred_at.toISOString(), `${last.tx}-${last.seq}`])).toString(
        'base64url',
      );
      const signature = createHmac('sha256', CURSOR_KEY)
        .update(`history:${ticketId}\n${payload}`)
        .digest('base64url')
        .slice(0, 22);
      nextCursor = `${payload}.${signature}`;
    }
    return {
      items: page.map((r) => ({
        id: `${r.tx}-${r.seq}`,
        at: r.occurred_at.toISOString(),
        actor: r.actor_id ? { id: r.actor_id, username: r.payload.actor?.username ?? '' } : null,
        via: r.payload.via ?? { kind: r.actor_id ? 'user' : 'automation' },
        action: ACTIONS[r.name],
        changes: r.payload.changes ?? [],
      })),
      nextCursor,
    };
  };
}
