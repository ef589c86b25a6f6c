import {
  CUSTOMER_EVENT_PLACEHOLDERS,
  insertAt,
  MACRO_PLACEHOLDERS,
  TICKET_EVENT_PLACEHOLDERS,
  unknownPlaceholders,
} from './placeholders';

const names = (list: readonly { name: string }[]) => list.map((p) => p.name);

describe('placeholder lists', () => {
  it('match what the API accepts for macros, ticket events and customer events', () => {
    expect(names(MACRO_PLACEHOLDERS)).toEqual([
      'ticket.title',
      'ticket.id',
      'customer.name',
      'customer.email',
      'assignee.username',
      'current_user.username',
    ]);
    expect(new Set(names(TICKET_EVENT_PLACEHOLDERS))).toEqual(
      new Set([...names(MACRO_PLACEHOLDERS), 'ticket.status', 'event.name', 'event.at']),
    );
    expect(new Set(names(CUSTOMER_EVENT_PLACEHOLDERS))).toEqual(
      new Set(['customer.name', 'customer.email', 'current_user.username', 'event.name', 'event.at']),
    );
  });
});

describe('unknownPlaceholders', () => {
  it('lists each unknown name once, with or without spaces inside the braces', () => {
    expect(
      unknownPlaceholders(
        'Hi {{ customer.name }} {{user.password}} {{user.password}} {{event.at}}',
        MACRO_PLACEHOLDERS,
      ),
    ).toEqual(['user.password', 'event.at']);
  });

  it('accepts a template that only uses allowed placeholders, or none', () => {
    expect(unknownPlaceholders('Closed: {{ticket.title}} at {{event.at}}', TICKET_EVENT_PLACEHOLDERS)).toEqual([]);
    expect(unknownPlaceholders('Plain text', CUSTOMER_EVENT_PLACEHOLDERS)).toEqual([]);
  });

  it('answers at once for 10,000-character templates made to backtrack ({{ and whitespace, nested braces)', () => {
    expect(unknownPlaceholders(`{{${' '.repeat(10000)}`, MACRO_PLACEHOLDERS)).toEqual([]);
    expect(unknownPlaceholders(`{{${' \t\n'.repeat(3333)}x }}`, MACRO_PLACEHOLDERS)).toEqual(['x']);
    expect(unknownPlaceholders('{{ '.repeat(3333), MACRO_PLACEHOLDERS)).toEqual([]);
    expect(unknownPlaceholders(`${'{'.repeat(5000)}a${'}'.repeat(5000)}`, MACRO_PLACEHOLDERS)).toEqual(['a']);
  });

  it('knows that customer events have no ticket', () => {
    expect(unknownPlaceholders('{{ticket.title}} {{customer.name}}', CUSTOMER_EVENT_PLACEHOLDERS)).toEqual([
      'ticket.title',
    ]);
  });
});

describe('insertAt', () => {
  it('inserts at the caret and puts the caret after the insertion', () => {
    expect(insertAt('Hello !', '{{customer.name}}', 6, 6)).toEqual({ value: 'Hello {{customer.name}}!', caret: 23 });
  });

  it('replaces the selected text', () => {
    expect(insertAt('Dear NAME,', '{{customer.name}}', 5, 9)).toEqual({ value: 'Dear {{customer.name}},', caret: 22 });
  });

  it('appends when there is no caret, and clamps positions out of range', () => {
    expect(insertAt('Hi ', 'X', null, null)).toEqual({ value: 'Hi X', caret: 4 });
    expect(insertAt('Hi', 'X', 99, 120)).toEqual({ value: 'HiX', caret: 3 });
  });
});
