import { listWebhooks } from '@bw/sdk';
import { settle } from '../../core/api/sdk-result';

/** A webhook as a picker shows it. */
export interface WebhookOption {
  readonly id: string;
  readonly name: string;
  readonly url: string;
  readonly active: boolean;
}

/** The signed-in user's webhooks (up to 100, newest first), for a picker; empty when they cannot be read. */
export async function listOwnWebhooks(): Promise<readonly WebhookOption[]> {
  const result = await settle(listWebhooks({ query: { limit: 100 } }));
  return result.ok ? result.data.items.map(({ id, name, url, active }) => ({ id, name, url, active })) : [];
}
