import { Webhook } from './domain/webhook.entity';

export { WebhooksModule } from './webhooks.module';
export { WebhooksService } from './application/webhooks.service';
export { WebhookDeliveries } from './application/deliveries.service';
export type { DeliveryToWrite } from './persistence/webhooks.statements';

/** The entities this module owns, for the ORM's root configuration. */
export const WEBHOOKS_ENTITIES = [Webhook];
