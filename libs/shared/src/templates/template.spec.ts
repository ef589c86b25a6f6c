import { MACRO_PLACEHOLDERS, TICKET_EVENT_PLACEHOLDERS } from './placeholders';
import { renderTemplate, scanPlaceholders, unknownPlaceholders } from './template';

/**
 * The pattern the scanner replaced, kept here only as the reference for its semantics: on short
 * input it is harmless, and every answer of the scanner must equal its answer.
 */
const FORMER = /\{\{\s*([^{}]*?)\s*\}\}/g;
const formerNames = (t: string) => [...t.matchAll(FORMER)].map((m) => m[1]);
const formerRender = (t: string, values: Record<string, string>) =>
  t.replace(FORMER, (whole, name: string) => (Object.hasOwn(values, name) ? values[name] : whole));

/** Every string over `alphabet` of length 0..max, in a fixed order. */
function* allStrings(alphabet: string[], max: number): Generator<string> {
  let level = [''];
  yield '';
  for (let length = 1; length <= max; length++) {
    const next: string[] = [];
    for (const prefix of level) for (const c of alphabet) next.push(prefix + c);
    yield* next;
    level = next;
  }
}

const LENGTH = 10_000;
/** Inputs that made the former pattern backtrack, or that stress a scanner: each of exactly `n` characters. */
const ADVERSARIAL: Record<string, (n: number) => string> = {
  '{{ and spaces, unterminated': (n) => `{{${' '.repeat(n - 2)}`,
  '{{ and spaces, terminated': (n) => `{{${' '.repeat(n - 4)}}}`,
  '{{ and tabs, newlines, no-break spaces': (n) => `{{${'\t\n\u00a0\u2028'.repeat(n).slice(0, n - 2)}`,
  '"{{ " repeated': (n) => '{{ '.repeat(n).slice(0, n),
  'only {': (n) => '{'.repeat(n),
  'only }': (n) => '}'.repeat(n),
  '{{ and a long name, unterminated': (n) => `{{${'a'.repeat(n - 2)}`,
  'nested {{{{a}}}}': (n) => '{{{{a}}}}'.repeat(n).slice(0, n),
  'lone closers {{a}': (n) => '{{a}'.repeat(n).slice(0, n),
  'many placeholders': (n) => '{{ ticket.title }}'.repeat(n).slice(0, n),
  '{{ spaces } spaces': (n) => `{{${' '.repeat(n / 2 - 2)}}${' '.repeat(n / 2 - 1)}`,
};

describe('templates', () => {
  it('renders placeholders as plain text, with or without spaces', () => {
    expect(
      renderTemplate('Hi {{customer.name}}, re: {{ ticket.title }}', {
        'customer.name': 'Ada',
        'ticket.title': '<b>VPN</b>',
      }),
    ).toBe('Hi Ada, re: <b>VPN</b>');
  });

  it('does not evaluate anything: values containing braces stay literal', () => {
    expect(renderTemplate('{{ticket.title}}', { 'ticket.title': '{{current_user.username}}' })).toBe(
      '{{current_user.username}}',
    );
    expect(renderTemplate('{{ticket.title}}', { 'ticket.title': '$& $1 $$' })).toBe('$& $1 $$');
  });

  it('leaves unknown placeholders as written and renders a missing value as empty text', () => {
    expect(
      renderTemplate('{{ user.password }} / {{ticket.id}} / {{ customer.name}}', {
        'ticket.id': 't-1',
        'customer.name': undefined,
      }),
    ).toBe('{{ user.password }} / t-1 / ');
  });

  it('finds unknown placeholders, per template language', () => {
    expect(unknownPlaceholders('{{ticket.title}} {{user.password}} {{constructor}}', MACRO_PLACEHOLDERS)).toEqual([
      'user.password',
      'constructor',
    ]);
    expect(unknownPlaceholders('{{event.at}}', MACRO_PLACEHOLDERS)).toEqual(['event.at']);
    expect(unknownPlaceholders('{{event.at}} {{ ticket.status }}', TICKET_EVENT_PLACEHOLDERS)).toEqual([]);
  });

  it('reads names as the former pattern did: braces end them, whitespace around them is dropped', () => {
    expect(scanPlaceholders('{{{a}}').placeholders).toEqual([{ start: 1, end: 6, name: 'a' }]);
    expect(unknownPlaceholders('{{a}b}} {{ }} {{\u00a0x y\u2028}} {{a{{b}}', [])).toEqual(['', 'x y', 'b']);
  });

  it('agrees with the former pattern on every string of up to 8 characters over { } space a', () => {
    const values = { a: 'A', '': 'EMPTY', 'a a': 'AA' };
    let checked = 0;
    for (const t of allStrings(['{', '}', ' ', 'a'], 8)) {
      const names = unknownPlaceholders(t, []);
      if (
        names.join('\n') !== [...new Set(formerNames(t))].join('\n') ||
        renderTemplate(t, values as never) !== formerRender(t, values)
      )
        throw new Error(`differs on ${JSON.stringify(t)}`);
      checked++;
    }
    expect(checked).toBe((4 ** 9 - 1) / 3);
  });

  it('agrees with the former pattern on unicode whitespace and line breaks around names', () => {
    for (const t of [
      '{{\ufeffticket.id\u3000}}',
      '{{\r\nticket.id\t}}',
      '{{\u200bticket.id}}',
      '{{ ticket.id\u0085}}',
      '{{\u2029 \u1680ticket.id \u202f}}',
    ]) {
      expect(unknownPlaceholders(t, [])).toEqual(formerNames(t));
      expect(renderTemplate(t, { 'ticket.id': 'X' })).toBe(formerRender(t, { 'ticket.id': 'X' }));
    }
  });

  describe.each(Object.entries(ADVERSARIAL))('adversarial input: %s', (_name, make) => {
    const input = make(LENGTH);

    it(`inspects each of its ${LENGTH} characters at most twice`, () => {
      expect(input).toHaveLength(LENGTH);
      expect(scanPlaceholders(input).steps).toBeLessThanOrEqual(2 * LENGTH);
    });

    it('costs twice the work at twice the length (linear, not super-linear)', () => {
      const once = scanPlaceholders(input).steps;
      const twice = scanPlaceholders(make(2 * LENGTH)).steps;
      expect(twice / once).toBeGreaterThan(1.9);
      expect(twice / once).toBeLessThan(2.1);
    });

    it('gives the answers of the former pattern (compared at 100 characters, where the pattern is still quick)', () => {
      const small = make(100);
      const values = { 'ticket.title': 'T' };
      expect(renderTemplate(small, values)).toBe(formerRender(small, values));
      expect(unknownPlaceholders(small, [])).toEqual([...new Set(formerNames(small))]);
    });

    it('renders the full input, changing nothing when no value is known', () => {
      expect(renderTemplate(input, {})).toBe(input);
    });
  });
});
