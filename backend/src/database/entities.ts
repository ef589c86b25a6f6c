import { CUSTOMERS_ENTITIES } from '../modules/customers';
import { IDENTITY_ENTITIES } from '../modules/identity';
import { TICKETS_ENTITIES } from '../modules/tickets';
import { OutboxEvent } from '../platform/outbox/outbox-event.entity';

/** Every entity of every module, for the ORM's root configuration and the migration CLI. */
export const ENTITIES = [...IDENTITY_ENTITIES, ...CUSTOMERS_ENTITIES, ...TICKETS_ENTITIES, OutboxEvent];
