import { Injectable, computed, signal } from '@angular/core';
import {
  type CreatedWebhookDto,
  type WebhookDeliveryDto,
  type WebhookDto,
  createWebhook,
  deleteWebhook,
  listWebhookDeliveries,
  listWebhooks,
  redeliverWebhookDelivery,
  testWebhook,
  updateWebhook,
} from '@bw/sdk';
import type { ApiProblem } from '../../core/api/problem';
import { settle } from '../../core/api/sdk-result';

export type Webhook = WebhookDto;
export type CreatedWebhook = CreatedWebhookDto;
export type WebhookDelivery = WebhookDeliveryDto;
export type Outcome<T = void> = { ok: true; value: T } | { ok: false; problem: ApiProblem };

/** The signed-in user's webhooks: the list (newest first), create, edit, delete, send a test. */
@Injectable()
export class WebhooksStore {
  private readonly state = signal<{ webhooks: readonly Webhook[]; loading: boolean; problem: ApiProblem | null }>({
    webhooks: [],
    loading: false,
    problem: null,
  });

  readonly webhooks = computed(() => this.state().webhooks);
  readonly loading = computed(() => this.state().loading);
  readonly problem = computed(() => this.state().problem);
  readonly empty = computed(
    () => !this.state().loading && this.state().problem === null && this.state().webhooks.length === 0,
  );

  async load(): Promise<void> {
    this.state.update((s) => ({ ...s, loading: true, problem: null }));
    const result = await settle(listWebhooks({ query: { limit: 100 } }));
    this.state.update((s) =>
      result.ok
        ? { webhooks: result.data.items, loading: false, problem: null }
        : { ...s, loading: false, problem: result.problem },
    );
  }

  /** Creates a webhook; its secret is in this answer only, so the caller shows it once. */
  async create(body: { name: string; url: string; active: boolean }): Promise<Outcome<CreatedWebhook>> {
    const result = await settle(createWebhook({ body }));
    if (!result.ok) return result;
    const { secret: _secret, ...listed } = result.data;
    this.state.update((s) => ({ ...s, webhooks: [listed, ...s.webhooks] }));
    return { ok: true, value: result.data };
  }

  async update(
    webhook: Webhook,
    changes: { name?: string; url?: string; active?: boolean },
  ): Promise<Outcome<Webhook>> {
    const result = await settle(
      updateWebhook({ path: { id: webhook.id }, body: { ...changes, version: webhook.version } }),
    );
    if (!result.ok) return result;
    this.replace(result.data);
    return { ok: true, value: result.data };
  }

  async remove(id: string): Promise<Outcome> {
    const result = await settle(deleteWebhook({ path: { id } }));
    if (!result.ok && result.problem.status !== 404) return result;
    this.state.update((s) => ({ ...s, webhooks: s.webhooks.filter((w) => w.id !== id) }));
    return { ok: true, value: undefined };
  }

  async sendTest(id: string): Promise<Outcome<string>> {
    const result = await settle(testWebhook({ path: { id } }));
    return result.ok ? { ok: true, value: result.data.deliveryId } : result;
  }

  private replace(webhook: Webhook): void {
    this.state.update((s) => ({ ...s, webhooks: s.webhooks.map((w) => (w.id === webhook.id ? webhook : w)) }));
  }
}

/** One webhook's delivery log (newest first, paged) and redelivery. */
export class DeliveryLog {
  private readonly state = signal<{
    items: readonly WebhookDelivery[];
    nextCursor: string | null;
    loading: boolean;
    problem: ApiProblem | null;
  }>({ items: [], nextCursor: null, loading: false, problem: null });

  readonly items = computed(() => this.state().items);
  readonly loading = computed(() => this.state().loading);
  readonly problem = computed(() => this.state().problem);
  readonly hasMore = computed(() => this.state().nextCursor !== null);

  constructor(private readonly webhookId: string) {}

  async load(more = false): Promise<void> {
    const cursor = more ? (this.state().nextCursor ?? undefined) : undefined;
    this.state.update((s) => ({ ...s, loading: true, problem: null }));
    const result = await settle(listWebhookDeliveries({ path: { id: this.webhookId }, query: { limit: 20, cursor } }));
    this.state.update((s) =>
      result.ok
        ? {
            items: more ? [...s.items, ...result.data.items] : result.data.items,
            nextCursor: result.data.nextCursor,
            loading: false,
            problem: null,
          }
        : { ...s, loading: false, problem: result.problem },
    );
  }

  async redeliver(deliveryId: string): Promise<Outcome> {
    const result = await settle(redeliverWebhookDelivery({ path: { id: this.webhookId, deliveryId } }));
    if (!result.ok) return result;
    await this.load();
    return { ok: true, value: undefined };
  }
}
