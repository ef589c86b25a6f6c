import { containsIgnoringCase, escapeLike } from './like';

describe('LIKE patterns', () => {
  it('escapes the wildcards and the escape character, so the text matches only itself', () => {
    expect(escapeLike('100%_a\\b')).toBe('100\\%\\_a\\\\b');
    expect(containsIgnoringCase('Ab%')).toBe('%ab\\%%');
  });
});
