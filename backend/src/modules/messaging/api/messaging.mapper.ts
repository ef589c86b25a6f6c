import { Injectable } from '@nestjs/common';
import { IdentityService } from '../../identity';
import { messageSnapshot } from '../application/message-snapshot';
import type { MessageRecord } from '../application/messages.service';
import { Trigger } from '../domain/trigger.entity';
import { MessageDto, TriggerDto } from './dto/messaging.response.dto';

export function toTriggerDto(t: Trigger): TriggerDto {
  return {
    id: t.id,
    name: t.name,
    event: t.event,
    conditions: t.conditions ?? {},
    recipient:
      t.recipient.kind === 'user'
        ? { kind: 'user', userId: t.recipient.userId }
        : t.recipient.kind === 'webhook'
          ? { kind: 'webhook', webhookId: t.recipient.webhookId }
          : { kind: t.recipient.kind },
    message: t.message,
    active: t.active,
    version: t.version,
    ownerId: t.ownerId,
    createdAt: t.createdAt.toISOString(),
    updatedAt: t.updatedAt.toISOString(),
  };
}

/** Messages with sender and receiver names, loaded once per page. */
@Injectable()
export class MessageViews {
  constructor(private readonly identity: IdentityService) {}

  async many(messages: MessageRecord[]): Promise<MessageDto[]> {
    const users = await this.identity.summaries(messages.flatMap((m) => [m.senderId, m.receiverId]));
    return messages.map((m) => messageSnapshot(m, users));
  }
}
