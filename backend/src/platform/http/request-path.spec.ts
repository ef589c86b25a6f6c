import { isCanonicalRequestPath } from './request-path';

describe('isCanonicalRequestPath', () => {
  it.each([
    '/',
    '/api/docs',
    '/api/docs/',
    '/api/docs/swagger-ui.css',
    '/api/tickets/7d3c/close?x=../y',
    '/tickets/42',
    '/api/tickets?q=a\\b',
    '*',
    '/api/docs/%ff',
    '/a%20b',
  ])('accepts %s', (url) => {
    expect(isCanonicalRequestPath(url)).toBe(true);
  });

  it.each([
    '/api/docs/../package.json',
    '/api/docs/..',
    '/api/docs/./swagger-ui.css',
    '/api/docs//etc/passwd',
    '/api/docs/%2e%2e/x',
    '/api/docs/.%2e/x',
    '/api/docs/..%2fx',
    '/api/docs/%2e%2e%2fx',
    '/api/docs/%252e%252e%252fx',
    '/api/docs/%25252e%25252e%25252fx',
    '/api/docs/..\\x',
    '/api/docs/..%5cx',
    '/api/docs/%00',
    '/api/docs/a%00b',
    '/%2e%2e/etc/passwd',
    '/api/tickets/%2f/close',
  ])('refuses %s', (url) => {
    expect(isCanonicalRequestPath(url)).toBe(false);
  });
});
