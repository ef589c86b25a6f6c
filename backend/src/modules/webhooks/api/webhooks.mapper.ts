import type { DeliveryRecord } from '../application/deliveries.service';
import type { Webhook } from '../domain/webhook.entity';
import type { WebhookDeliveryDto, WebhookDto } from './dto/webhook.response.dto';

/** A webhook as the API shows it: never its secret. */
export function toWebhookDto(w: Webhook): WebhookDto {
  return {
    id: w.id,
    name: w.name,
    url: w.url,
    active: w.active,
    version: w.version,
    ownerId: w.ownerId,
    createdAt: w.createdAt.toISOString(),
    updatedAt: w.updatedAt.toISOString(),
  };
}

export function toDeliveryDto(d: DeliveryRecord): WebhookDeliveryDto {
  return {
    id: d.id,
    event: d.event,
    status: d.status,
    attempts: d.attempts,
    lastResponseStatus: d.lastResponseStatus,
    lastError: d.lastError,
    nextAttemptAt: d.nextAttemptAt ? d.nextAttemptAt.toISOString() : null,
    createdAt: d.createdAt.toISOString(),
  };
}
