import { CUSTOMER_EVENT_PLACEHOLDERS, MACRO_PLACEHOLDERS, TICKET_EVENT_PLACEHOLDERS } from './placeholders';
import { unknownPlaceholders } from './template';

const names = (list: readonly { name: string }[]) => list.map((p) => p.name);

describe('placeholder lists', () => {
  it('are the macro, ticket event and customer event placeholders, in this order', () => {
    expect(names(MACRO_PLACEHOLDERS)).toEqual([
      'ticket.title',
      'ticket.id',
      'customer.name',
      'customer.email',
      'assignee.username',
      'current_user.username',
    ]);
    expect(new Set(names(TICKET_EVENT_PLACEHOLDERS))).toEqual(
      new Set([...names(MACRO_PLACEHOLDERS), 'ticket.status', 'ticket.due_at', 'event.name', 'event.at']),
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
