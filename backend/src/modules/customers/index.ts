import { Customer } from './domain/customer.entity';

export { CustomersModule } from './customers.module';
export { CustomersService } from './application/customers.service';
export type { CustomerSummary } from './application/customers.service';
export { CustomerDeletedEvent } from './domain/events/customer-deleted.event';
export type { CustomerDeletedPayload } from './domain/events/customer-deleted.event';

/** The entities this module owns, for the ORM's root configuration. */
export const CUSTOMERS_ENTITIES = [Customer];
