import { MikroOrmModule } from '@mikro-orm/nestjs';
import { Module } from '@nestjs/common';
import { CustomersModule } from '../customers';
import { IdentityModule } from '../identity';
import { TicketsModule } from '../tickets';
import { WebhooksModule } from '../webhooks';
import { MessagesController } from './api/messages.controller';
import { MessageLiveViews } from './api/message-live.views';
import { MessageViews } from './api/messaging.mapper';
import { TriggersController } from './api/triggers.controller';
import { SendTriggerMessagesWhenCustomerDeletedHandler } from './application/handlers/send-trigger-messages-when-customer-deleted.handler';
import { SendTriggerMessagesWhenTicketClosedHandler } from './application/handlers/send-trigger-messages-when-ticket-closed.handler';
import { MessagesService } from './application/messages.service';
import { TriggerDelivery } from './application/trigger-delivery.service';
import { TriggersService } from './application/triggers.service';
import { Message } from './domain/message.entity';
import { Trigger } from './domain/trigger.entity';

@Module({
  imports: [
    MikroOrmModule.forFeature([Trigger, Message]),
    IdentityModule,
    CustomersModule,
    TicketsModule,
    WebhooksModule,
  ],
  controllers: [TriggersController, MessagesController],
  providers: [
    TriggersService,
    MessagesService,
    MessageViews,
    MessageLiveViews,
    TriggerDelivery,
    SendTriggerMessagesWhenTicketClosedHandler,
    SendTriggerMessagesWhenCustomerDeletedHandler,
  ],
})
export class MessagingModule {}
