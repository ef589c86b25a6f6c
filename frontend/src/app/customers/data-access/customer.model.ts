import type { CreateCustomerDto, CustomerDto, UpdateCustomerDto } from '@bw/sdk';

export type Customer = CustomerDto;

export const CUSTOMERS_PAGE_SIZE = 10;

/** What the customer form hands back: trimmed text, '' for an empty optional field. */
export interface CustomerFormValue {
  readonly name: string;
  readonly email: string;
  readonly phone: string;
  readonly company: string;
  readonly notes: string;
}

export const EMPTY_CUSTOMER_FORM: CustomerFormValue = { name: '', email: '', phone: '', company: '', notes: '' };

export function customerToFormValue(customer: Customer): CustomerFormValue {
  return {
    name: customer.name,
    email: customer.email,
    phone: customer.phone ?? '',
    company: customer.company ?? '',
    notes: customer.notes ?? '',
  };
}

/** The POST /api/customers body; empty optional fields are left out. */
export function toCreateCustomerBody(value: CustomerFormValue): CreateCustomerDto {
  return {
    name: value.name,
    email: value.email,
    ...(value.phone !== '' ? { phone: value.phone } : {}),
    ...(value.company !== '' ? { company: value.company } : {}),
    ...(value.notes !== '' ? { notes: value.notes } : {}),
  };
}

/**
 * The PATCH body: only what changed, an emptied optional field as `null`, and the `version`
 * the form was filled from. `null` when nothing changed.
 */
export function toUpdateCustomerBody(customer: Customer, value: CustomerFormValue): UpdateCustomerDto | null {
  const changes: Partial<UpdateCustomerDto> = {};
  if (value.name !== customer.name) changes.name = value.name;
  if (value.email !== customer.email) changes.email = value.email;
  for (const field of ['phone', 'company', 'notes'] as const) {
    const next = value[field] === '' ? null : value[field];
    if (next !== (customer[field] ?? null)) changes[field] = next;
  }
  return Object.keys(changes).length === 0 ? null : { ...changes, version: customer.version };
}
