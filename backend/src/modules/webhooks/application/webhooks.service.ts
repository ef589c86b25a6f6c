import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { AppConfig } from '../../../config/app-config';
import { InvalidFieldError, ResourceNotFoundError } from '../../../platform/errors/domain-error';
import { CursorCodec, Page, toPage } from '../../../platform/pagination/cursor';
import { newSecret } from '../domain/signing';
import { Webhook, WebhookFields } from '../domain/webhook.entity';
import { hostOf, hostProblem, urlProblem } from './outbound';

/** A webhook just created, with its secret: the only time the secret leaves the server. */
export interface CreatedWebhook {
  webhook: Webhook;
  secret: string;
}

/** Webhooks: private to their owner, and the one place their URLs are checked. */
@Injectable()
export class WebhooksService {
  constructor(
    private readonly em: EntityManager,
    private readonly cursors: CursorCodec,
    private readonly config: AppConfig,
  ) {}

  async create(ownerId: string, fields: WebhookFields): Promise<CreatedWebhook> {
    await this.checkUrl(fields.url);
    const secret = newSecret();
    const webhook = new Webhook(ownerId, fields, secret);
    await this.em.persistAndFlush(webhook);
    return { webhook, secret };
  }

  /** Webhooks are private to their owner: anyone else gets 404. */
  async getOwned(ownerId: string, id: string): Promise<Webhook> {
    const webhook = await this.em.findOne(Webhook, { id, ownerId });
    if (!webhook) throw new ResourceNotFoundError('Webhook');
    return webhook;
  }

  async update(ownerId: string, id: string, version: number, changes: Partial<WebhookFields>): Promise<Webhook> {
    const webhook = await this.getOwned(ownerId, id);
    if (changes.url !== undefined && changes.url !== webhook.url) await this.checkUrl(changes.url);
    webhook.update(version, changes);
    await this.em.flush();
    return webhook;
  }

  /** A hard delete; its deliveries go with it, and triggers that named it stop sending anything. */
  async delete(ownerId: string, id: string): Promise<void> {
    await this.em.removeAndFlush(await this.getOwned(ownerId, id));
  }

  async list(ownerId: string, query: { limit?: number; cursor?: string }): Promise<Page<Webhook>> {
    const limit = query.limit ?? 10;
    const scope = `webhooks:${ownerId}`;
    const after = query.cursor ? this.cursors.decode(query.cursor, scope) : null;
    const webhooks = await this.em.find(
      Webhook,
      after
        ? {
            ownerId,
            $or: [{ createdAt: { $lt: after.createdAt } }, { createdAt: after.createdAt, id: { $lt: after.id } }],
          }
        : { ownerId },
      { orderBy: { createdAt: 'desc', id: 'desc' }, limit: limit + 1 },
    );
    return toPage(webhooks, limit, this.cursors, scope, (w) => w);
  }

  /**
   * For messaging's trigger rules: the webhook must be one of `ownerId`'s, else a 400 naming
   * `field` (another user's webhook is as unknown as a missing one).
   */
  async assertOwnedFor(ownerId: string, webhookId: string, field: string): Promise<{ id: string; name: string }> {
    const webhook = await this.em.findOne(Webhook, { id: webhookId, ownerId }, { fields: ['id', 'name'] });
    if (!webhook) throw new InvalidFieldError(field, `${field} must be the id of one of your webhooks`);
    return { id: webhook.id, name: webhook.name };
  }

  /** The scheme and every address the host resolves to now (checked again at each connect). */
  private async checkUrl(raw: string): Promise<void> {
    const policy = { allowHttp: this.config.WEBHOOK_ALLOW_HTTP, allowPrivate: this.config.WEBHOOK_ALLOW_PRIVATE };
    const problem = urlProblem(raw, policy);
    if (problem) throw new InvalidFieldError('url', problem);
    const refused = await hostProblem(hostOf(new URL(raw)), policy.allowPrivate);
    if (refused) throw new InvalidFieldError('url', `url is refused: ${refused}`);
  }
}
