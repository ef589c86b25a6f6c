import { Customer } from '../domain/customer.entity';
import { CustomerDto } from './dto/customer.response.dto';

export function toCustomerDto(
  c: Pick<Customer, 'id' | 'name' | 'email' | 'phone' | 'company' | 'notes' | 'version' | 'createdAt' | 'updatedAt'>,
): CustomerDto {
  return {
    id: c.id,
    name: c.name,
    email: c.email,
    phone: c.phone,
    company: c.company,
    notes: c.notes,
    version: c.version,
    createdAt: new Date(c.createdAt).toISOString(),
    updatedAt: new Date(c.updatedAt).toISOString(),
  };
}
