import {
  createCustomer,
  createTicket,
  createTrigger,
  signup,
  type CreateTicketDto,
  type CustomerDto,
  type TicketDto,
  type TriggerEvent,
  type UserDto,
} from '@bw/sdk';
import { randomUUID } from 'node:crypto';
import { ApiSession, newUser } from './api-session';

export interface Person {
  s: ApiSession;
  user: UserDto;
}

/** Signs up a fresh user and returns its logged-in session. */
export async function person(baseUrl: string, prefix = 'user'): Promise<Person> {
  const s = new ApiSession(baseUrl);
  const res = await signup({ client: s.client, body: newUser(prefix) });
  if (!res.data) throw new Error(`signup failed: ${res.response.status} ${JSON.stringify(res.error)}`);
  return { s, user: res.data.user };
}

export async function customerOf(
  p: Person,
  overrides: Partial<{ name: string; email: string; company: string }> = {},
): Promise<CustomerDto> {
  const tag = randomUUID().slice(0, 8);
  const res = await createCustomer({
    client: p.s.client,
    body: { name: `Customer ${tag}`, email: `c.${tag}@example.com`, ...overrides },
  });
  if (!res.data) throw new Error(`createCustomer failed: ${res.response.status} ${JSON.stringify(res.error)}`);
  return res.data;
}

export async function ticketBy(
  p: Person,
  customer: CustomerDto,
  assignee: UserDto,
  overrides: Partial<CreateTicketDto> = {},
): Promise<TicketDto> {
  const res = await createTicket({
    client: p.s.client,
    body: {
      title: `Ticket ${randomUUID().slice(0, 8)}`,
      customerId: customer.id,
      assigneeId: assignee.id,
      type: 'question',
      priority: 'normal',
      topic: 'general',
      ...overrides,
    },
  });
  if (!res.data) throw new Error(`createTicket failed: ${res.response.status} ${JSON.stringify(res.error)}`);
  return res.data;
}

/** The `errors[].field` names of a problem body. */
export function fields(error: unknown): string[] {
  return ((error as { errors?: { field: string }[] })?.errors ?? []).map((e) => e.field);
}

/**
 * A trigger of `p` that messages the ticket's creator on `event` (inactive unless `active`). An
 * active one makes `p`'s events of that name wait for delivery: one nobody may want is written delivered.
 */
export async function listeningTrigger(p: Person, event: TriggerEvent, active = true): Promise<void> {
  const res = await createTrigger({
    client: p.s.client,
    body: { name: event, event, recipient: { kind: 'ticket_creator' }, message: event, active },
  });
  if (res.response.status !== 201)
    throw new Error(`trigger failed: ${res.response.status} ${JSON.stringify(res.error)}`);
}
