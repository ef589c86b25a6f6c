import { Injectable, OnModuleInit } from '@nestjs/common';
import { LiveViews } from '../../../platform/live/live-views';
import type { MessageEventPayload } from '../domain/events/message.events';
import { MessageCreatedEvent, MessageReadEvent } from '../domain/events/message.events';

/** What the live streams show of messages: the message, to its sender and its receiver (the events' audience). */
@Injectable()
export class MessageLiveViews implements OnModuleInit {
  constructor(private readonly views: LiveViews) {}

  onModuleInit(): void {
    this.views.register([MessageCreatedEvent.eventName, MessageReadEvent.eventName], (entry) => {
      const { message } = entry.payload as MessageEventPayload;
      const actor =
        entry.actorId === null
          ? null
          : { id: entry.actorId, username: entry.actorId === message.receiver.id ? message.receiver.username : '' };
      return { message, actor, at: entry.occurredAt.toISOString() };
    });
  }
}
