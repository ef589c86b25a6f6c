import type { MessageSnapshot } from '../domain/events/message.events';
import type { MessageRecord } from './messages.service';

/** A message with its sender's and receiver's names, as the API and the message events show it. */
export function messageSnapshot(m: MessageRecord, users: Map<string, { username: string }>): MessageSnapshot {
  const user = (id: string) => ({ id, username: users.get(id)?.username ?? '' });
  return {
    id: m.id,
    sender: user(m.senderId),
    receiver: user(m.receiverId),
    body: m.body,
    triggerId: m.triggerId,
    event: m.event,
    ticketId: m.ticketId,
    customerId: m.customerId,
    createdAt: m.createdAt.toISOString(),
    readAt: m.readAt?.toISOString() ?? null,
  };
}
