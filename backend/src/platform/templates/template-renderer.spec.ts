import { MACRO_PLACEHOLDERS, renderTemplate, TRIGGER_PLACEHOLDERS, unknownPlaceholders } from './template-renderer';

describe('templates', () => {
  it('renders placeholders as plain text, with or without spaces', () => {
    expect(renderTemplate('Hi {{customer.name}}, re: {{ ticket.title }}', { 'customer.name': 'Ada', 'ticket.title': '<b>VPN</b>' })).toBe('Hi Ada, re: <b>VPN</b>');
  });

  it('does not evaluate anything: values containing braces stay literal', () => {
    expect(renderTemplate('{{ticket.title}}', { 'ticket.title': '{{current_user.username}}' })).toBe('{{current_user.username}}');
  });

  it('finds unknown placeholders, per template language', () => {
    expect(unknownPlaceholders('{{ticket.title}} {{user.password}} {{constructor}}', MACRO_PLACEHOLDERS)).toEqual(['user.password', 'constructor']);
    expect(unknownPlaceholders('{{event.at}}', MACRO_PLACEHOLDERS)).toEqual(['event.at']);
    expect(unknownPlaceholders('{{event.at}} {{ ticket.status }}', TRIGGER_PLACEHOLDERS)).toEqual([]);
  });
});
