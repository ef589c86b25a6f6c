import { securityHeaders } from './security-headers';

describe('securityHeaders', () => {
  it("gives helmet's headers for the options, computed once", () => {
    const headers = securityHeaders({
      contentSecurityPolicy: {
        directives: { 'default-src': ["'self'"], 'frame-ancestors': ["'none'"], 'upgrade-insecure-requests': null },
      },
    });
    expect(headers['content-security-policy']).toContain("default-src 'self'");
    expect(headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(headers['content-security-policy']).not.toContain('upgrade-insecure-requests');
    expect(headers['x-content-type-options']).toBe('nosniff');
    expect(headers['strict-transport-security']).toMatch(/max-age=\d+/);
    expect(headers).not.toHaveProperty('x-powered-by');
  });

  it('follows the options: upgrade-insecure-requests behind https, no HSTS when turned off', () => {
    const headers = securityHeaders({
      contentSecurityPolicy: { directives: { 'default-src': ["'self'"], 'upgrade-insecure-requests': [] } },
      strictTransportSecurity: false,
    });
    expect(headers['content-security-policy']).toContain('upgrade-insecure-requests');
    expect(headers).not.toHaveProperty('strict-transport-security');
  });
});
