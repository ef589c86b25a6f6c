import { DEFAULT_AFTER_LOGIN_URL, safeReturnUrl } from './return-url';

describe('safeReturnUrl', () => {
  it('keeps an in-app path with its query and fragment', () => {
    expect(safeReturnUrl('/tickets?box=incoming#top')).toBe('/tickets?box=incoming#top');
  });

  it.each([
    ['missing', undefined],
    ['empty', ''],
    ['absolute URL', 'https://evil.example/tickets'],
    ['protocol-relative URL', '//evil.example'],
    ['backslash trick', '/\\evil.example'],
    ['javascript URL', 'javascript:alert(1)'],
    ['relative path', 'tickets'],
    ['control characters', '/tick\nets'],
    ['the login page', '/login?returnUrl=/tickets'],
    ['the signup page', '/signup'],
  ])('falls back for %s', (_label, value) => {
    expect(safeReturnUrl(value)).toBe(DEFAULT_AFTER_LOGIN_URL);
  });

  it('uses the given fallback', () => {
    expect(safeReturnUrl(null, '/')).toBe('/');
  });
});
