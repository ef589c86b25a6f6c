import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { AppConfig } from '../../../config/app-config';
import { ormRunner, Sql } from '../../../platform/database/sql';
import { ResourceNotFoundError } from '../../../platform/errors/domain-error';
import { CursorCodec, Page, pageRequest, toPage } from '../../../platform/pagination/cursor';
import { WebhookInactiveError } from '../domain/webhooks.errors';
import {
  deliveryPage,
  DeliveryToWrite,
  insertDeliveriesOfFreshKeys,
  insertDelivery,
  LOGGED,
  requeueDelivery,
} from '../persistence/webhooks.statements';
import { DeliveryWorker } from './delivery-worker';
import { WebhooksService } from './webhooks.service';

/** A delivery as the log shows it. */
export interface DeliveryRecord {
  id: string;
  event: string;
  status: 'pending' | 'succeeded' | 'failed';
  attempts: number;
  lastResponseStatus: number | null;
  lastError: string | null;
  nextAttemptAt: Date | null;
  createdAt: Date;
}

/** The event name of a test delivery. */
export const TEST_EVENT = 'webhook.test';

/** The delivery log, redelivery, test deliveries, and the statement part triggers write deliveries with. */
@Injectable()
export class WebhookDeliveries {
  constructor(
    private readonly em: EntityManager,
    private readonly cursors: CursorCodec,
    private readonly config: AppConfig,
    private readonly webhooks: WebhooksService,
    private readonly worker: DeliveryWorker,
  ) {}

  /** One webhook's deliveries, newest first; the webhook's owner only. */
  async list(
    ownerId: string,
    webhookId: string,
    query: { limit?: number; cursor?: string },
  ): Promise<Page<DeliveryRecord>> {
    await this.webhooks.getOwned(ownerId, webhookId);
    const scope = `webhook-deliveries:${webhookId}`;
    const { limit, after } = pageRequest(this.cursors, scope, query);
    const rows = await ormRunner(this.em).query(deliveryPage(webhookId, after, limit + 1));
    return toPage(
      rows.map((r) => LOGGED.toRecord<DeliveryRecord>(r)),
      limit,
      this.cursors,
      scope,
      (d) => d,
    );
  }

  /** Sends the delivery again now (same id, so the same `webhook-id`), with a fresh retry window. */
  async redeliver(ownerId: string, webhookId: string, deliveryId: string): Promise<void> {
    await this.webhooks.getOwned(ownerId, webhookId);
    const rows = await ormRunner(this.em).query(
      requeueDelivery(webhookId, deliveryId, this.config.WEBHOOK_RETRY_WINDOW_MS),
    );
    if (rows.length === 0) throw new ResourceNotFoundError('Delivery');
    this.worker.signal();
  }

  /** Queues a `webhook.test` delivery to an active webhook; answers its id. */
  async sendTest(ownerId: string, webhookId: string): Promise<string> {
    const webhook = await this.webhooks.getOwned(ownerId, webhookId);
    if (!webhook.active) throw new WebhookInactiveError();
    const id = randomUUID();
    const body = JSON.stringify({
      type: TEST_EVENT,
      timestamp: new Date().toISOString(),
      data: {
        webhook: { id: webhook.id, name: webhook.name },
        message: `A test delivery to "${webhook.name}" from Balanced Workspace.`,
      },
    });
    await ormRunner(this.em).query(
      insertDelivery({ id, webhookId, event: TEST_EVENT, body, windowMs: this.config.WEBHOOK_RETRY_WINDOW_MS }),
    );
    this.worker.signal();
    return id;
  }

  /**
   * For messaging's handler statement: a data-modifying part that writes the deliveries of the
   * (handler, event) keys that were new, once per (trigger, event).
   */
  deliveriesOfFreshKeys(deliveries: DeliveryToWrite[]): (freshKeys: Sql) => Sql {
    return (freshKeys) => insertDeliveriesOfFreshKeys(deliveries, freshKeys, this.config.WEBHOOK_RETRY_WINDOW_MS);
  }

  /** Deliveries were committed: this instance's worker and the others' claim them now. */
  written(): void {
    this.worker.signal();
  }
}
