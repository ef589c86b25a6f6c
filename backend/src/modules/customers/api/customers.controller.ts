import { Body, Controller, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Actor, CurrentActor } from '../../../platform/auth/actor';
import { ResourceNotFoundError } from '../../../platform/errors/domain-error';
import { CreateEndpoint, DeleteEndpoint, GetEndpoint, PatchEndpoint } from '../../../platform/http/endpoint.decorator';
import { IdParam } from '../../../platform/http/id.pipe';
import { SearchPageQueryDto } from '../../../platform/pagination/page-query.dto';
import { CustomersService } from '../application/customers.service';
import { toCustomerDto } from './customer.mapper';
import { CreateCustomerDto, UpdateCustomerDto } from './dto/customer.dto';
import { CustomerDto, CustomerPageDto } from './dto/customer.response.dto';

@ApiTags('customers')
@Controller()
export class CustomersController {
  constructor(private readonly customers: CustomersService) {}

  @GetEndpoint('customers', {
    summary: "The caller's customers, newest first; `q` matches name or email",
    description: 'Keyset-paged with `limit` and `cursor`.',
    returns: CustomerPageDto,
    problems: [400, 401],
  })
  async listCustomers(@CurrentActor() actor: Actor, @Query() query: SearchPageQueryDto): Promise<CustomerPageDto> {
    const page = await this.customers.list(actor.userId, query);
    return { items: page.items.map((c) => toCustomerDto(c)), nextCursor: page.nextCursor };
  }

  @GetEndpoint('users/:id/customers', {
    summary: "A user's customers: the same as listCustomers for the caller, 404 for anyone else",
    description: 'Customers belong to one user and only that user sees them.',
    returns: CustomerPageDto,
    problems: [400, 401, 404],
  })
  async listUserCustomers(
    @CurrentActor() actor: Actor,
    @IdParam('id', 'User') userId: string,
    @Query() query: SearchPageQueryDto,
  ): Promise<CustomerPageDto> {
    if (userId !== actor.userId) throw new ResourceNotFoundError('User');
    return this.listCustomers(actor, query);
  }

  @CreateEndpoint('customers', {
    summary: 'Create a customer',
    description:
      'The customer belongs to the caller. Name and email are required; phone, company and notes are optional.',
    returns: CustomerDto,
    problems: [400, 401, 403],
  })
  async createCustomer(@CurrentActor() actor: Actor, @Body() body: CreateCustomerDto): Promise<CustomerDto> {
    return toCustomerDto(await this.customers.create(actor.userId, body));
  }

  @GetEndpoint('customers/:id', {
    summary: "One of the caller's customers",
    description: "Another user's customer is `404`, like one that does not exist.",
    returns: CustomerDto,
    problems: [401, 404],
  })
  async getCustomer(@CurrentActor() actor: Actor, @IdParam('id', 'Customer') id: string): Promise<CustomerDto> {
    return toCustomerDto(await this.customers.get(actor.userId, id));
  }

  @PatchEndpoint('customers/:id', {
    summary: 'Edit a customer (send the version you read; a stale one is 409)',
    description: 'Only the fields sent change. A stale `version` is `409` and changes nothing.',
    returns: CustomerDto,
    problems: [400, 401, 403, 404, 409],
  })
  async updateCustomer(
    @CurrentActor() actor: Actor,
    @IdParam('id', 'Customer') id: string,
    @Body() body: UpdateCustomerDto,
  ): Promise<CustomerDto> {
    const { version, ...changes } = body;
    return toCustomerDto(await this.customers.update(actor.userId, id, version, changes));
  }

  @DeleteEndpoint('customers/:id', {
    summary: 'Delete a customer; its tickets keep its name and email, marked deleted',
    description:
      "Soft delete: the customer disappears from lists, its tickets stay and show it as deleted. Publishes `customer.deleted`, which fires the owner's matching triggers. Takes no body.",
    problems: [401, 403, 404],
  })
  async deleteCustomer(@CurrentActor() actor: Actor, @IdParam('id', 'Customer') id: string): Promise<void> {
    await this.customers.delete(actor.userId, id);
  }
}
