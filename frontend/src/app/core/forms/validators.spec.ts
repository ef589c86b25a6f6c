import { controlMessage } from './control-message';
import { httpUrlValidator, pickedOptionValidator } from './validators';

describe('httpUrlValidator', () => {
  it.each(['', '   ', 'https://example.com/a.png', 'http://localhost:3000/x.jpg'])('accepts %p', (value) => {
    expect(httpUrlValidator({ value })).toBeNull();
  });

  it.each(['example.com/a.png', 'ftp://example.com/a.png', 'javascript:alert(1)', 'data:image/png;base64,xx'])(
    'rejects %p',
    (value) => {
      expect(httpUrlValidator({ value })).toEqual({ httpUrl: true });
    },
  );
});

describe('pickedOptionValidator', () => {
  it('accepts a picked option or nothing, rejects typed text', () => {
    expect(pickedOptionValidator({ value: { id: '1', label: 'Ada' } })).toBeNull();
    expect(pickedOptionValidator({ value: null })).toBeNull();
    expect(pickedOptionValidator({ value: 'Ad' })).toEqual({ pick: true });
  });
});

describe('controlMessage', () => {
  it('prefers the server message', () => {
    expect(controlMessage('title', { server: 'title must be 1 to 200 characters', required: true })).toBe(
      'title must be 1 to 200 characters',
    );
  });

  it('explains the client checks', () => {
    expect(controlMessage('title', { required: true })).toBe('Enter a title');
    expect(controlMessage('customer', { required: true }, true)).toBe('Choose a customer');
    expect(controlMessage('customer', { pick: true }, true)).toBe('Choose a customer from the list');
    expect(controlMessage('title', { maxlength: { requiredLength: 200, actualLength: 201 } })).toBe(
      'Use at most 200 characters',
    );
    expect(controlMessage('photo URL', { httpUrl: true })).toBe(
      'Enter a web address starting with http:// or https://',
    );
    expect(controlMessage('email address', { email: true })).toBe('Enter a valid email address, like name@example.com');
    expect(controlMessage('title', null)).toBeNull();
  });

  it('says "an" before a vowel: "Enter an email address", not "a email address"', () => {
    expect(controlMessage('email address', { required: true })).toBe('Enter an email address');
    expect(controlMessage('assignee', { pick: true }, true)).toBe('Choose an assignee from the list');
  });
});
