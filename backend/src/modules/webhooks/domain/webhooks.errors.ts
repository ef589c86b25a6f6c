import { domainError } from '../../../platform/errors/domain-error';

export class WebhookInactiveError extends domainError(
  'WEBHOOK_INACTIVE',
  409,
  'The webhook is inactive: activate it to send deliveries.',
) {}
