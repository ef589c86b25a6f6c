import { applyDecorators, Body, Controller, HttpCode, Post, Query } from '@nestjs/common';
import { ApiAcceptedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Actor, CurrentActor } from '../../../platform/auth/actor';
import { ApiProblems } from '../../../platform/http/api-problems.decorator';
import {
  CreateEndpoint,
  DeleteEndpoint,
  EndpointDoc,
  GetEndpoint,
  PatchEndpoint,
} from '../../../platform/http/endpoint.decorator';
import { IdParam } from '../../../platform/http/id.pipe';
import { PageQueryDto } from '../../../platform/pagination/page-query.dto';
import { WebhookDeliveries } from '../application/deliveries.service';
import { WebhooksService } from '../application/webhooks.service';
import { CreateWebhookDto, UpdateWebhookDto } from './dto/webhook.dto';
import {
  CreatedWebhookDto,
  WebhookDeliveryPageDto,
  WebhookDto,
  WebhookPageDto,
  WebhookTestDto,
} from './dto/webhook.response.dto';
import { toDeliveryDto, toWebhookDto } from './webhooks.mapper';

/** POST of an action that is carried out later: 202, with `returns` when it answers a body. */
function AcceptedEndpoint(path: string, doc: EndpointDoc & { returns?: new () => unknown }) {
  return applyDecorators(
    Post(path),
    HttpCode(202),
    ApiOperation({ summary: doc.summary, description: doc.description }),
    ApiProblems(...doc.problems),
    ApiAcceptedResponse(doc.returns ? { type: doc.returns } : { description: 'Accepted: queued for delivery' }),
  );
}

@ApiTags('webhooks')
@Controller('webhooks')
export class WebhooksController {
  constructor(
    private readonly webhooks: WebhooksService,
    private readonly deliveries: WebhookDeliveries,
  ) {}

  @GetEndpoint('', {
    summary: "The caller's webhooks, newest first",
    description:
      'Keyset-paged with `limit` and `cursor`; only the owner sees a webhook. The secret is never shown here.',
    returns: WebhookPageDto,
    problems: [400, 401],
  })
  async listWebhooks(@CurrentActor() actor: Actor, @Query() query: PageQueryDto): Promise<WebhookPageDto> {
    const page = await this.webhooks.list(actor.userId, query);
    return { items: page.items.map(toWebhookDto), nextCursor: page.nextCursor };
  }

  @CreateEndpoint('', {
    summary: 'Create a webhook',
    description:
      'Answers the webhook with its signing `secret`, shown this once (and to an `Idempotency-Key` replay of this request). Deliveries are signed as Standard Webhooks do: `webhook-id`, `webhook-timestamp`, `webhook-signature: v1,<base64 HMAC-SHA256 of "id.timestamp.body">`.',
    returns: CreatedWebhookDto,
    problems: [400, 401, 403],
  })
  async createWebhook(@CurrentActor() actor: Actor, @Body() body: CreateWebhookDto): Promise<CreatedWebhookDto> {
    const { webhook, secret } = await this.webhooks.create(actor.userId, { ...body, active: body.active ?? true });
    return { ...toWebhookDto(webhook), secret };
  }

  @GetEndpoint(':id', {
    summary: "One of the caller's webhooks",
    description: "Another user's webhook is `404`.",
    returns: WebhookDto,
    problems: [401, 404],
  })
  async getWebhook(@CurrentActor() actor: Actor, @IdParam('id', 'Webhook') id: string): Promise<WebhookDto> {
    return toWebhookDto(await this.webhooks.getOwned(actor.userId, id));
  }

  @PatchEndpoint(':id', {
    summary: 'Rename, re-target, activate or deactivate a webhook',
    description:
      'Only the fields sent change; send the `version` you read (a stale one is `409`). A new `url` is checked as on creation. Deactivating stops new deliveries; pending ones wait until it is active again.',
    returns: WebhookDto,
    problems: [400, 401, 403, 404, 409],
  })
  async updateWebhook(
    @CurrentActor() actor: Actor,
    @IdParam('id', 'Webhook') id: string,
    @Body() body: UpdateWebhookDto,
  ): Promise<WebhookDto> {
    const { version, ...changes } = body;
    return toWebhookDto(await this.webhooks.update(actor.userId, id, version, changes));
  }

  @DeleteEndpoint(':id', {
    summary: 'Delete a webhook',
    description:
      'Deletes it and its delivery log. Triggers that send to it stay, but deliver nothing until their recipient is changed. Takes no body.',
    problems: [401, 403, 404],
  })
  async deleteWebhook(@CurrentActor() actor: Actor, @IdParam('id', 'Webhook') id: string): Promise<void> {
    await this.webhooks.delete(actor.userId, id);
  }

  @GetEndpoint(':id/deliveries', {
    summary: "A webhook's delivery log, newest first",
    description:
      'Each delivery with its status, attempts, the last response status or error, and when the next attempt is due. Keyset-paged with `limit` and `cursor`.',
    returns: WebhookDeliveryPageDto,
    problems: [400, 401, 404],
  })
  async listWebhookDeliveries(
    @CurrentActor() actor: Actor,
    @IdParam('id', 'Webhook') id: string,
    @Query() query: PageQueryDto,
  ): Promise<WebhookDeliveryPageDto> {
    const page = await this.deliveries.list(actor.userId, id, query);
    return { items: page.items.map(toDeliveryDto), nextCursor: page.nextCursor };
  }

  @AcceptedEndpoint(':id/deliveries/:deliveryId/redeliver', {
    summary: 'Send a delivery again now',
    description:
      'Re-queues the delivery at once with a fresh retry window and the same `webhook-id`, whatever its status. An attempt already in flight is not doubled. Takes no body.',
    problems: [401, 403, 404],
  })
  async redeliverWebhookDelivery(
    @CurrentActor() actor: Actor,
    @IdParam('id', 'Webhook') id: string,
    @IdParam('deliveryId', 'Delivery') deliveryId: string,
  ): Promise<void> {
    await this.deliveries.redeliver(actor.userId, id, deliveryId);
  }

  @AcceptedEndpoint(':id/test', {
    summary: 'Send a test delivery',
    description:
      'Queues a delivery of event type `webhook.test` (`{type: "webhook.test", timestamp, data: {webhook {id, name}, message}}`), signed and retried like any other; it shows in the delivery log. An inactive webhook is `409 WEBHOOK_INACTIVE`. Takes no body.',
    returns: WebhookTestDto,
    problems: [401, 403, 404, 409],
  })
  async testWebhook(@CurrentActor() actor: Actor, @IdParam('id', 'Webhook') id: string): Promise<WebhookTestDto> {
    return { deliveryId: await this.deliveries.sendTest(actor.userId, id) };
  }
}
