import { type Customer, customerToFormValue, toCreateCustomerBody, toUpdateCustomerBody } from './customer.model';

const customer: Customer = {
  id: 'c1',
  name: 'Grace Hopper',
  email: 'grace@example.com',
  phone: '+1 555 0100',
  company: null,
  notes: null,
  version: 2,
  createdAt: '2026-01-01T00:00:00Z',
  updatedAt: '2026-01-01T00:00:00Z',
};

describe('toCreateCustomerBody', () => {
  it('leaves out empty optional fields', () => {
    expect(
      toCreateCustomerBody({ name: 'Ada', email: 'ada@example.com', phone: '', company: 'Analytical', notes: '' }),
    ).toEqual({
      name: 'Ada',
      email: 'ada@example.com',
      company: 'Analytical',
    });
  });
});

describe('toUpdateCustomerBody', () => {
  it('sends only the changed fields with the version that was read', () => {
    expect(
      toUpdateCustomerBody(customer, {
        ...customerToFormValue(customer),
        name: 'Grace B. Hopper',
        notes: 'Prefers email',
      }),
    ).toEqual({
      name: 'Grace B. Hopper',
      notes: 'Prefers email',
      version: 2,
    });
  });

  it('clears an emptied optional field with null', () => {
    expect(toUpdateCustomerBody(customer, { ...customerToFormValue(customer), phone: '' })).toEqual({
      phone: null,
      version: 2,
    });
  });

  it('returns null when nothing changed', () => {
    expect(toUpdateCustomerBody(customer, customerToFormValue(customer))).toBeNull();
  });
});
