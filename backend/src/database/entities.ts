import { CUSTOMERS_ENTITIES } from '../modules/customers';
import { IDENTITY_ENTITIES } from '../modules/identity';
import { MACROS_ENTITIES } from '../modules/macros';
import { MESSAGING_ENTITIES } from '../modules/messaging';
import { TICKETS_ENTITIES } from '../modules/tickets';
import { WEBHOOKS_ENTITIES } from '../modules/webhooks';
import { OutboxEvent } from '../platform/outbox/outbox-event.entity';

/** Every entity of every module, for the ORM's root configuration and the migration CLI. */
export const ENTITIES = [
  ...IDENTITY_ENTITIES,
  ...CUSTOMERS_ENTITIES,
  ...TICKETS_ENTITIES,
  ...MACROS_ENTITIES,
  ...MESSAGING_ENTITIES,
  ...WEBHOOKS_ENTITIES,
  OutboxEvent,
];
