import {
  describeConditions,
  describeRecipient,
  eventLabel,
  placeholdersFor,
  recipientKindsFor,
  toCreateTriggerBody,
  toUpdateTriggerBody,
  type Trigger,
  type TriggerFormValue,
  triggerToFormInitial,
} from './trigger.model';

const trigger: Trigger = {
  id: 'tr1',
  name: 'Closed',
  event: 'ticket.closed',
  conditions: { priority: ['high', 'urgent'] },
  recipient: { kind: 'ticket_creator' },
  message: 'Closed: {{ticket.title}}',
  active: true,
  version: 4,
  ownerId: 'u1',
  createdAt: '2026-01-01T00:00:00Z',
  updatedAt: '2026-01-01T00:00:00Z',
};

const value: TriggerFormValue = {
  name: 'Closed',
  event: 'ticket.closed',
  conditions: { priority: ['urgent', 'high'], type: [], topic: [] },
  recipient: { kind: 'ticket_creator' },
  message: 'Closed: {{ticket.title}}',
  active: true,
};

describe('what each event allows', () => {
  it('offers ticket people only for ticket events, a user or a webhook for every event', () => {
    expect(recipientKindsFor('ticket.created')).toEqual(['ticket_creator', 'ticket_assignee', 'user', 'webhook']);
    expect(recipientKindsFor('ticket.overdue')).toEqual(['ticket_creator', 'ticket_assignee', 'user', 'webhook']);
    expect(eventLabel('ticket.overdue')).toBe('Ticket overdue');
    expect(recipientKindsFor('customer.deleted')).toEqual(['user', 'webhook']);
  });

  it('offers ticket placeholders only for ticket events', () => {
    expect(placeholdersFor('ticket.closed').map((p) => p.name)).toContain('ticket.status');
    expect(placeholdersFor('customer.deleted').map((p) => p.name)).not.toContain('ticket.title');
  });

  it('names events in words, and unknown ones as they are', () => {
    expect(eventLabel('customer.deleted')).toBe('Customer deleted');
    expect(eventLabel('ticket.reopened')).toBe('ticket.reopened');
  });
});

describe('toCreateTriggerBody', () => {
  it('sends only the conditions that say something', () => {
    expect(toCreateTriggerBody(value)).toEqual({
      name: 'Closed',
      event: 'ticket.closed',
      conditions: { priority: ['urgent', 'high'] },
      recipient: { kind: 'ticket_creator' },
      message: 'Closed: {{ticket.title}}',
      active: true,
    });
  });

  it('sends no conditions for customer.deleted', () => {
    const body = toCreateTriggerBody({
      ...value,
      event: 'customer.deleted',
      recipient: { kind: 'user', userId: 'u2' },
    });
    expect(body.conditions).toBeUndefined();
    expect(body.recipient).toEqual({ kind: 'user', userId: 'u2' });
  });
});

describe('toUpdateTriggerBody', () => {
  it('returns null when nothing changed (condition order does not matter)', () => {
    expect(toUpdateTriggerBody(trigger, value)).toBeNull();
  });

  it('sends the changed fields with the version that was read', () => {
    expect(
      toUpdateTriggerBody(trigger, { ...value, active: false, recipient: { kind: 'user', userId: 'u2' } }),
    ).toEqual({
      active: false,
      recipient: { kind: 'user', userId: 'u2' },
      version: 4,
    });
  });

  it('sends a new webhook recipient, and nothing when the same webhook is kept', () => {
    const toHook = { ...trigger, recipient: { kind: 'webhook' as const, webhookId: 'w1' } };
    expect(toUpdateTriggerBody(trigger, { ...value, recipient: { kind: 'webhook', webhookId: 'w1' } })).toEqual({
      recipient: { kind: 'webhook', webhookId: 'w1' },
      version: 4,
    });
    expect(toUpdateTriggerBody(toHook, { ...value, recipient: { kind: 'webhook', webhookId: 'w1' } })).toBeNull();
    expect(toUpdateTriggerBody(toHook, { ...value, recipient: { kind: 'webhook', webhookId: 'w2' } })).toEqual({
      recipient: { kind: 'webhook', webhookId: 'w2' },
      version: 4,
    });
  });

  it('clears the conditions when switching to customer.deleted', () => {
    expect(
      toUpdateTriggerBody(trigger, { ...value, event: 'customer.deleted', recipient: { kind: 'user', userId: 'u2' } }),
    ).toEqual({
      event: 'customer.deleted',
      conditions: {},
      recipient: { kind: 'user', userId: 'u2' },
      version: 4,
    });
  });
});

describe('describing a trigger', () => {
  it('says which tickets and who', () => {
    expect(describeConditions(trigger)).toBe('Priority is High or Urgent');
    expect(describeConditions({ event: 'ticket.created', conditions: {} })).toBe('Any ticket');
    expect(describeConditions({ event: 'customer.deleted', conditions: {} })).toBe('Any of your customers');
    expect(describeRecipient({ kind: 'ticket_assignee' }, () => null)).toBe('The ticket’s assignee');
    expect(describeRecipient({ kind: 'user', userId: 'u2' }, (id) => (id === 'u2' ? 'bob' : null))).toBe('bob');
  });

  it('fills the form from a trigger, naming the recipient user', () => {
    const initial = triggerToFormInitial({ ...trigger, recipient: { kind: 'user', userId: 'u2' } }, () => 'bob');
    expect(initial.recipientUser).toEqual({ id: 'u2', label: 'bob' });
    expect(initial.priority).toEqual(['high', 'urgent']);
    expect(initial.topic).toEqual([]);
  });
});
