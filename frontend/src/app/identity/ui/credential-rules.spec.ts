import { credentialErrorMessage, USERNAME_PATTERN } from './credential-rules';

describe('credentialErrorMessage', () => {
  it('shows nothing for a valid control', () => {
    expect(credentialErrorMessage('email', null)).toBeNull();
  });

  it('prefers the server message over client checks', () => {
    expect(credentialErrorMessage('email', { server: 'email is already registered', email: true })).toBe(
      'email is already registered',
    );
  });

  it('names the missing field', () => {
    expect(credentialErrorMessage('username', { required: true })).toBe('Enter your username');
  });

  it('explains length and pattern rules', () => {
    expect(credentialErrorMessage('password', { minlength: { requiredLength: 8, actualLength: 3 } })).toBe(
      'Use at least 8 characters',
    );
    expect(credentialErrorMessage('username', { maxlength: { requiredLength: 30, actualLength: 31 } })).toBe(
      'Use at most 30 characters',
    );
    expect(credentialErrorMessage('username', { pattern: {} })).toBe('Use only letters, digits, and _ . -');
    expect(credentialErrorMessage('email', { email: true })).toBe('Enter a valid email address, like name@example.com');
  });
});

describe('USERNAME_PATTERN', () => {
  it.each(['ada', 'ada.lovelace', 'a_b-c', 'X9'])('accepts %s', (name) =>
    expect(USERNAME_PATTERN.test(name)).toBe(true),
  );
  it.each(['ada lovelace', 'ada@home', 'émile', ''])('rejects %s', (name) =>
    expect(USERNAME_PATTERN.test(name)).toBe(false),
  );
});
