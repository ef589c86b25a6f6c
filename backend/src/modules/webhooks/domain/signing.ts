import { randomBytes } from 'node:crypto';
import { Webhook as StandardWebhook } from 'standardwebhooks';

/** Bytes of key in a new secret (the contract asks for at least 24). */
const SECRET_BYTES = 32;

/** A new secret as Standard Webhooks write it: `whsec_` + base64 of random bytes. */
export function newSecret(): string {
  return `whsec_${randomBytes(SECRET_BYTES).toString('base64')}`;
}

/** The three Standard Webhooks headers of one attempt: the same id on every retry, this attempt's time and signature. */
export interface SignedHeaders {
  'webhook-id': string;
  'webhook-timestamp': string;
  'webhook-signature': string;
}

/**
 * Signs `body` as Standard Webhooks do (`v1,` + base64 HMAC-SHA256 of `id.timestamp.body` with the
 * secret's bytes), through the reference implementation (`standardwebhooks`).
 */
export function signDelivery(secret: string, id: string, at: Date, body: string): SignedHeaders {
  const signature = new StandardWebhook(secret).sign(id, at, body);
  return {
    'webhook-id': id,
    'webhook-timestamp': String(Math.floor(at.getTime() / 1000)),
    'webhook-signature': signature,
  };
}
