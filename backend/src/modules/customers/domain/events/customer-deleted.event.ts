import type { DomainEventType } from '../../../../platform/outbox/event-envelope';

/** Published when a customer is deleted; carries the snapshot handlers need (the row is gone from reads). */
export interface CustomerDeletedPayload {
  customerId: string;
  ownerId: string;
  name: string;
  email: string;
  company: string | null;
  deletedAt: string;
}

export const CustomerDeletedEvent: DomainEventType<CustomerDeletedPayload> = { eventName: 'customer.deleted' };
