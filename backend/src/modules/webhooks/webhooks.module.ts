import { MikroOrmModule } from '@mikro-orm/nestjs';
import { Module } from '@nestjs/common';
import { WebhooksController } from './api/webhooks.controller';
import { WebhookDeliveries } from './application/deliveries.service';
import { DeliveryWorker } from './application/delivery-worker';
import { WebhooksService } from './application/webhooks.service';
import { Webhook } from './domain/webhook.entity';

@Module({
  imports: [MikroOrmModule.forFeature([Webhook])],
  controllers: [WebhooksController],
  providers: [WebhooksService, WebhookDeliveries, DeliveryWorker],
  exports: [WebhooksService, WebhookDeliveries],
})
export class WebhooksModule {}
