// The webhooks feature's public surface: the list of the user's webhooks, for the trigger form's picker.
export { listOwnWebhooks, type WebhookOption } from './data-access/webhook-options';
