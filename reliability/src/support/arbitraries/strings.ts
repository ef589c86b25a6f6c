// Strings: text any string field accepts, hostile strings, emails and URLs.
import fc from 'fast-check';

const codePoints = (s: string) => [...s].length;
/** Text that any string field accepts: unicode (astral planes included), no template braces, not blank. */
export function text(min: number, max: number): fc.Arbitrary<string> {
  const cap = Math.min(max, 60);
  const lo = Math.max(min, 0);
  const units = fc.oneof(
    { weight: 3, arbitrary: fc.string({ unit: 'grapheme-ascii', minLength: lo, maxLength: cap }) },
    { weight: 2, arbitrary: fc.string({ unit: 'grapheme', minLength: lo, maxLength: Math.min(cap, 20) }) },
    {
      weight: 1,
      arbitrary: fc.constantFrom(
        'Grüße, Jürgen',
        'Ελληνικά',
        '日本語のテキスト',
        'emoji 🎉👩‍💻🏳️‍🌈',
        'עברית',
        'x'.repeat(Math.max(lo, 1)),
      ),
    },
  );
  const exact = max <= 20000 ? fc.constant('a'.repeat(max)) : fc.constant('a');
  return fc
    .oneof({ weight: 9, arbitrary: units }, { weight: 1, arbitrary: exact })
    .filter(
      (s) => codePoints(s) >= lo && codePoints(s) <= max && !s.includes('{') && (lo === 0 || s.trim().length > 0),
    );
}

/** Strings that stress storage and rendering: control characters, NUL, lone surrogates, bidi marks. */
export const nastyString = fc.oneof(
  fc.string({
    unit: fc.integer({ min: 0, max: 0x1f }).map((c) => String.fromCharCode(c)),
    minLength: 1,
    maxLength: 20,
  }),
  fc.constantFrom(
    '\u0000',
    'a\u0000b',
    '\ud800',
    'x\udfffy',
    '\u202eevil',
    '\ufeffbom',
    '\r\n\t',
    '%00',
    '../../etc/passwd',
    "'; drop table tickets; --",
    '<script>alert(1)</script>',
    '\\u0000',
  ),
  fc.string({ unit: 'binary', minLength: 1, maxLength: 30 }),
);

export const email = fc
  .tuple(
    fc.stringMatching(/^[a-z0-9]{1,12}(\.[a-z0-9]{1,8})?$/),
    fc.stringMatching(/^[a-z0-9]{1,10}$/),
    fc.constantFrom('com', 'org', 'io', 'de'),
  )
  .map(([local, domain, tld]) => `${local}@${domain}.${tld}`);
export const url = fc
  .tuple(
    fc.constantFrom('http', 'https'),
    fc.stringMatching(/^[a-z0-9]{1,12}$/),
    fc.stringMatching(/^[a-z0-9/_-]{0,30}$/),
  )
  .map(([scheme, host, p]) => `${scheme}://${host}.example.com/${p}`);
